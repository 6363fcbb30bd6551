import { contains } from '../../cloudfunctions/core/geo';
import { XICHENG } from '../../cloudfunctions/areas/geo';
import { readReference } from '../../cloudfunctions/local/reference-files';

describe('reference data of Xicheng District', () => {
  const ref = readReference();

  it('has the 15 streets and 263 communities with their official codes', () => {
    expect(ref.streets).toHaveLength(15);
    expect(ref.communities).toHaveLength(263);
    expect(ref.streets.every((s) => /^110102\d{3}$/.test(s.code))).toBe(true);
    expect(ref.communities.every((c) => /^110102\d{6}$/.test(c.code) && c.code.startsWith(c.streetCode))).toBe(true);
    expect(ref.streets.reduce((n, s) => n + s.communityCount, 0)).toBe(263);
  });

  it('locates exactly the 148 communities that have a public point, and invents none', () => {
    const located = ref.communities.filter((c) => c.location);
    expect(located).toHaveLength(148);
    expect(ref.communities.filter((c) => !c.location).every((c) => c.locationSource === null)).toBe(true);
    expect(ref.streets.reduce((n, s) => n + s.locatedCount, 0)).toBe(148);
  });

  it('gives 西长安街街道 11 communities, 5 of them without a location', () => {
    const street = ref.streets.find((s) => s.name === '西长安街街道');
    expect(street).toMatchObject({ code: '110102001', communityCount: 11, locatedCount: 6 });
  });

  it('keeps names as they are, including the two without 社区', () => {
    const names = ref.communities.map((c) => c.name);
    expect(names).toContain('六铺炕南小街居委会');
    expect(names).toContain('新兴里居委会');
  });

  it('puts every reference point inside the district outline', () => {
    const outside = ref.communities.filter((c) => c.location && !contains(XICHENG, ...c.location.coordinates));
    expect(outside.map((c) => c.name)).toEqual([]);
  });
});
