import fs from 'node:fs';
import path from 'node:path';
import { Geodesic } from 'geographiclib-geodesic';
import { readReference } from '../../cloudfunctions/local/reference-files';
import { enclosingCentre } from '../../cloudfunctions/core/circles';
import { readCsvRows } from '../../cloudfunctions/core/csv-rows';
import { AppError } from '../../cloudfunctions/core/errors';
import { validatePlan } from '../../cloudfunctions/core/plan-file';
import { SAMPLE_FILES } from '../../scripts/import-samples';

const geodesic = (a: [number, number], b: [number, number]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
const ref = readReference();
const communities = new Map(ref.communities.map((c) => [c.code, c]));
const streets = new Map(ref.streets.map((s) => [s.code, s]));

describe('reading an uploaded CSV', () => {
  it('numbers rows as the file shows them, counting comment lines, with a BOM and CRLF', () => {
    const rows = readCsvRows('\ufeff# 示例\r\nA,b\r\n1,2\r\n\r\n# 注释\r\n3,"x, y"\r\n', ['a', 'b']);
    expect(rows).toEqual([
      { line: 3, record: { a: '1', b: '2' } },
      { line: 6, record: { a: '3', b: 'x, y' } },
    ]);
  });

  it('keeps a # inside a cell, and refuses a file without a required column or with a broken quote', () => {
    expect(readCsvRows('a,b\n1,#2\n', ['a'])[0].record.b).toBe('#2');
    expect(() => readCsvRows('a\n1\n', ['a', 'lat'])).toThrow(new AppError('INVALID_INPUT', '表头缺少必填列：lat'));
    expect(() => readCsvRows('a,b\n"1,2\n', ['a'])).toThrow(/CSV 格式有误/);
  });
});

describe('checking a circle plan', () => {
  const rows = (...lines: string[]) =>
    lines.map((l, i) => {
      const [circle_id, name, street_code, minutes, community_codes] = l.split(',');
      return { line: i + 2, record: { circle_id, name, street_code, minutes, community_codes } };
    });
  const [a, b, c] = ref.communities.filter((x) => x.streetCode === '110102001').map((x) => x.code);

  it('treats 8 and 10 minutes as one level and 15 minutes as another', () => {
    const ok = validatePlan(
      rows(`A,甲,110102001,10,${a}|${b}`, `B,乙,110102001,15,${a}|${b}|${c}`),
      communities,
      streets,
    );
    expect(ok.rejected).toEqual([]);
    expect(ok.rows.map((r) => r.minutes)).toEqual([10, 15]);
    const clash = validatePlan(rows(`A,甲,110102001,10,${a}`, `B,乙,110102001,8,${a}`), communities, streets);
    expect(clash.rejected).toEqual([{ line: 3, code: 'B', messages: [expect.stringContaining('已在第 2 行')] }]);
  });

  it('reads year and status in English or Chinese, and refuses a repeated circle id', () => {
    const r = validatePlan(
      [
        {
          line: 2,
          record: {
            circle_id: 'A',
            name: '甲',
            street_code: '110102001',
            minutes: '10',
            community_codes: a,
            year: '2024',
            status: '已建成',
          },
        },
        {
          line: 3,
          record: { circle_id: 'A', name: '乙', street_code: '110102001', minutes: '10', community_codes: b },
        },
      ],
      communities,
      streets,
    );
    expect(r.rows[0]).toMatchObject({ year: 2024, status: 'built' });
    expect(r.rejected[0].messages).toEqual([expect.stringContaining('与第 2 行重复')]);
  });
});

describe('the centre of a circle from its members', () => {
  it('is the midpoint of two points', () => {
    const p: [number, number] = [116.36, 39.91];
    const q: [number, number] = [116.37, 39.92];
    expect(geodesic(enclosingCentre([p, q]), [116.365, 39.915])).toBeLessThan(2);
  });

  it('needs no longer a reach than the best point of a fine grid, for a real street’s communities', () => {
    const pts = ref.communities
      .filter((x) => x.streetCode === '110102012' && x.location)
      .map((x) => x.location!.coordinates);
    const reach = (c: [number, number]) => Math.max(...pts.map((p) => geodesic(c, p)));
    let best = Infinity;
    const [minLng, maxLng] = [Math.min(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[0]))];
    const [minLat, maxLat] = [Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[1]))];
    for (let lng = minLng; lng <= maxLng; lng += (maxLng - minLng) / 40)
      for (let lat = minLat; lat <= maxLat; lat += (maxLat - minLat) / 40) best = Math.min(best, reach([lng, lat]));
    expect(reach(enclosingCentre(pts))).toBeLessThanOrEqual(best + 5);
  });
});

describe('the format samples in data/samples', () => {
  const folder = path.join(__dirname, '../../data/samples');
  it.each(['community-locations-sample.csv', 'circle-plan-sample.csv', 'community-population-sample.csv'])(
    '%s says it is a sample, marks every row and names no real community',
    (name) => {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      expect(text).toBe(`${SAMPLE_FILES[name]}\n`); // as `npm run sample:imports` writes it
      expect(text.startsWith('# 示例文件')).toBe(true);
      const rows = readCsvRows(text, ['sample']);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.record.sample).toBe('是');
        const codes = (r.record.community_code ?? r.record.community_codes).split('|');
        for (const code of codes) expect(communities.has(code)).toBe(false);
      }
    },
  );
});
