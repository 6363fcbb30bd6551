import type { Locator } from 'playwright-core';
import { toLngLat, toXY, type MapView } from '../../src/components/MapPicker/projection';

/** The drawn map's current view, as the page states it on the map (`data-view`). */
async function viewOf(svg: Locator): Promise<MapView> {
  const [lng, lat, metresPerUnit] = ((await svg.getAttribute('data-view')) ?? '').split(',').map(Number);
  return { centre: { lng, lat }, metresPerUnit };
}

/** Taps the drawing at map units (x, y), through the drawing's own screen transform; answers the tapped units. */
async function tapUnits(svg: Locator, x: number, y: number): Promise<[number, number]> {
  await svg.scrollIntoViewIfNeeded();
  const screen = await svg.evaluate(
    (el, [ux, uy]) => {
      const m = (el as SVGSVGElement).getScreenCTM()!;
      const p = new DOMPoint(ux, uy).matrixTransform(m);
      return { x: p.x, y: p.y, a: m.a, e: m.e, d: m.d, f: m.f };
    },
    [x, y],
  );
  const px = Math.round(screen.x);
  const py = Math.round(screen.y);
  await svg.page().touchscreen.tap(px, py);
  return [(px - screen.e) / screen.a, (py - screen.f) / screen.d];
}

/**
 * Taps the map picker inside `scope` where the point is: once on the whole district (which zooms in around the
 * tap), then once more in the zoomed view to land within a few metres. Answers the point the last tap means.
 */
export async function pickOnMap(scope: Locator, target: { lng: number; lat: number }) {
  const svg = scope.locator('.map-picker-map svg').first();
  let chosen = target;
  for (let round = 0; round < 2; round++) {
    await svg.waitFor();
    const view = await viewOf(svg);
    const [x, y] = toXY(view, target);
    const [ux, uy] = await tapUnits(svg, x, y);
    chosen = toLngLat(view, ux, uy);
    await scope.locator('.map-picker-state.is-set').waitFor();
  }
  return chosen;
}

/** Taps the whole-district map's top-left corner, which is outside the district. */
export async function tapOutside(scope: Locator) {
  // Once the map is drawn, the picker shows 查看全区 if it opened zoomed in on a point already set.
  await scope.locator('.map-picker-map svg').first().waitFor();
  await scope.locator('.map-picker-state').waitFor();
  const whole = scope.locator('.whole-district');
  if (await whole.count()) {
    await whole.tap();
    await whole.waitFor({ state: 'detached' });
  }
  await tapUnits(scope.locator('.map-picker-map svg').first(), 12, 12);
}
