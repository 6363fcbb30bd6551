import type { Community, Street } from '../../../types';
import { point } from '../../core/geo';

/** The three reference tables, as CSV text (see data/xicheng/PROVENANCE.md). */
export interface ReferenceCsv {
  streets: string;
  communities: string;
  points: string;
}

export interface Reference {
  streets: Street[];
  communities: Community[];
}

/** These files hold no quoted fields; a quote would mean a changed format, so it is refused loudly. */
function rows(csv: string): Record<string, string>[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  return lines.slice(1).map((line, i) => {
    if (line.includes('"')) throw new Error(`reference CSV line ${i + 2}: quoted fields are not supported`);
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`reference CSV line ${i + 2}: ${cells.length} cells`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k]]));
  });
}

/** Joins communities with their points: a community without a point keeps `location: null`. */
export function parseReference(csv: ReferenceCsv): Reference {
  const points = new Map<string, [number, number]>();
  for (const r of rows(csv.points))
    if (r.level === 'community') points.set(r.code, [Number(r.lng_gcj02), Number(r.lat_gcj02)]);

  const communities: Community[] = rows(csv.communities).map((r) => {
    const p = points.get(r.community_code);
    return {
      code: r.community_code,
      name: r.community_name,
      streetCode: r.street_code,
      streetName: r.street_name,
      location: p ? point(p[0], p[1]) : null,
      locationSource: p ? 'reference' : null,
      locationSetBy: null,
      locationSetAt: null,
    };
  });

  const streets: Street[] = rows(csv.streets).map((r) => {
    const members = communities.filter((c) => c.streetCode === r.street_code);
    return {
      code: r.street_code,
      name: r.street_name,
      communityCount: members.length,
      locatedCount: members.filter((c) => c.location).length,
    };
  });
  return { streets, communities };
}
