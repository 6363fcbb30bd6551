import type { Req, Res } from '../../../types';
import { beijingIso } from '../../../types/time';
import { safeFilename } from '../../core/csv';
import { peopleExport } from '../../core/xlsx';
import type { SignedInCtx } from '../../router/define';
import { getManyMap, readAll } from '../../store/port';
import { eventToRun } from './repo';

const STATUS_NAMES = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
const beijing = (iso: string | null) => (iso ? beijingIso(iso) : '');

/**
 * The attendee list as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and as .xlsx; times in Beijing
 * time. People by nickname only: no account ids, no phone numbers.
 */
export async function exportAttendees(
  { store, user }: SignedInCtx,
  { id }: Req<'events.export'>,
): Promise<Res<'events.export'>> {
  const event = await eventToRun(store, user, id);
  const signups = await readAll(store, 'signups', { eventId: id }, { field: 'queueKey' });
  const people = await getManyMap(
    store,
    'users',
    signups.map((s) => s.openid),
  );
  let waiting = 0;
  const rows = [['序号', '昵称', '状态', '候补位置', '签到码', '签到时间', '报名时间']];
  for (const [i, s] of signups.entries())
    rows.push([
      String(i + 1),
      people.get(s.openid)?.nickname ?? '',
      STATUS_NAMES[s.status],
      s.status === 'waitlisted' ? String(++waiting) : '',
      s.checkInCode,
      beijing(s.checkedInAt),
      beijing(s.createdAt),
    ]);
  return peopleExport(safeFilename(event.title, '报名名单.csv'), '报名名单', rows);
}
