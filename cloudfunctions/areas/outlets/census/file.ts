import type { Outlet } from '../../../../types';
import { csvCell } from '../../../core/csv';
import { hoursToText } from '../../../core/hours';
import { CENSUS_COLUMNS } from './validate';

/** Outlets as a census file (the inverse of the import), e.g. for the sample file or an export. */
export function censusCsv(outlets: (Outlet & { censusId: string })[]): string {
  const lines = [CENSUS_COLUMNS.join(',')];
  for (const o of outlets) {
    const record: Record<(typeof CENSUS_COLUMNS)[number], string> = {
      census_id: o.censusId,
      name: o.name,
      categories: o.categories.join('|'),
      lng: String(o.location.coordinates[0]),
      lat: String(o.location.coordinates[1]),
      address: o.address,
      street_code: o.streetCode,
      community_code: o.communityCode ?? '',
      hours: hoursToText(o.hours),
      holiday_note: o.hours.holidayNote ?? '',
      goods: o.goods.join('|'),
      services: o.services.join('|'),
      payment: o.payment.join('|'),
      accessible: o.accessible ? '是' : '否',
      brand: o.brand ?? '',
      phone: o.phone ?? '',
      demo: o.demo ? '是' : '否',
    };
    lines.push(CENSUS_COLUMNS.map((c) => csvCell(record[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
