import { planCircles } from '../../cloudfunctions/core/circles';
import { metersBetween, reachMeters } from '../../cloudfunctions/core/reach';
import { readReference } from '../../cloudfunctions/local/reference-files';

describe('circle planner on the real community points', () => {
  const ref = readReference();
  it.each([10, 8])(
    'puts every located community in exactly one %i-minute circle, within reach of its centre',
    (minutes) => {
      let total = 0;
      for (const s of ref.streets) {
        const located = ref.communities.filter((c) => c.streetCode === s.code && c.location);
        const circles = planCircles(
          located.map((c) => ({ code: c.code, point: c.location!.coordinates })),
          minutes,
        );
        const members = circles.flatMap((c) => c.members);
        expect(members.sort()).toEqual(located.map((c) => c.code).sort());
        for (const circle of circles)
          for (const code of circle.members) {
            const c = located.find((x) => x.code === code)!;
            expect(metersBetween(circle.centre, c.location!.coordinates)).toBeLessThanOrEqual(reachMeters(minutes));
          }
        // No circle could be dropped: each one holds a community no other centre reaches.
        expect(circles.length).toBeLessThanOrEqual(located.length);
        total += circles.length;
      }
      expect(total).toBeGreaterThan(15);
    },
  );
});
