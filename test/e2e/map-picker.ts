import type { Locator } from 'playwright-core';
import { toLngLat, toXY, type MapView } from '../../src/components/MapPicker/projection';

/** The drawn map's current view, as the page states it on the map (`data-view`). */
async function viewOf(svg: Locator): Promise<MapView> {
  const [lng, lat, metresPerUnit] = ((await svg.getAttribute('data-view')) ?? '').split(',').map(Number);
  return { centre: { lng, lat }, metresPerUnit };
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
    const box = (await svg.boundingBox())!;
    const [x, y] = toXY(view, target);
    const position = { x: Math.round((x / 600) * box.width), y: Math.round((y / 600) * box.height) };
    await svg.tap({ position });
    chosen = toLngLat(view, (position.x / box.width) * 600, (position.y / box.height) * 600);
    await scope.locator('.map-picker-state.is-set').waitFor();
  }
  return chosen;
}

/** Taps the map picker's top-left corner: outside the district in the whole-district view. */
export async function tapOutside(scope: Locator) {
  const whole = scope.locator('.whole-district');
  if (await whole.count()) {
    await whole.tap();
    await whole.waitFor({ state: 'detached' });
  }
  await scope
    .locator('.map-picker-map svg')
    .first()
    .tap({ position: { x: 4, y: 4 } });
}
