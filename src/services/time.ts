/** Beijing wall-clock parts of an instant (UTC+8 all year), whatever the device's zone. */
function parts(iso: string) {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    week: '日一二三四五六'[d.getUTCDay()],
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "12月5日（周六）09:00–11:30", in Beijing time. */
export function beijingRange(startIso: string, endIso: string): string {
  const a = parts(startIso);
  const b = parts(endIso);
  return a.date === b.date
    ? `${a.date}（周${a.week}）${a.time}–${b.time}`
    : `${a.date} ${a.time} – ${b.date} ${b.time}`;
}

export function beijingTime(iso: string): string {
  const p = parts(iso);
  return `${p.date} ${p.time}`;
}

/** A Beijing date and time typed by a person ("2026-12-05", "09:00") as an ISO instant. */
export function fromBeijing(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}
