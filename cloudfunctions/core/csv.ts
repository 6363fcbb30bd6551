/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as a CSV file for people: UTF-8 with a BOM (so spreadsheet programs read the Chinese) and CRLF lines. */
export function csvForPeople(rows: string[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
