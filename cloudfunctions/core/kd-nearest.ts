import type KDBush from 'kdbush';

/**
 * Nearest-first traversal of a static kd-tree (`kdbush`, built over planar coordinates): best-first over the tree's
 * nodes and points with a binary heap, so a query touches only the nodes nearer than what it stops at. `visit` gets
 * each point's index (the order it was added) and planar distance, nearest first, and answers false to stop.
 */
export function kdNearest(
  index: KDBush,
  qx: number,
  qy: number,
  maxDistance: number,
  visit: (id: number, distance: number) => boolean,
): void {
  const { ids, coords, nodeSize } = index;
  if (ids.length === 0) return;
  const max2 = maxDistance * maxDistance;
  // The heap holds nodes (kind 0: left, right, axis, box) and points (kind 1: id), keyed by squared distance.
  const heap: number[][] = [];
  const push = (item: number[]) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= item[0]) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = item;
  };
  const pop = (): number[] => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && heap[r][0] < heap[l][0] ? r : l;
        if (heap[c][0] >= last[0]) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  const boxDist = (minX: number, minY: number, maxX: number, maxY: number) => {
    const dx = qx < minX ? minX - qx : qx > maxX ? qx - maxX : 0;
    const dy = qy < minY ? minY - qy : qy > maxY ? qy - maxY : 0;
    return dx * dx + dy * dy;
  };
  const pointDist = (i: number) => {
    const dx = coords[2 * i] - qx;
    const dy = coords[2 * i + 1] - qy;
    return dx * dx + dy * dy;
  };
  push([0, 0, 0, ids.length - 1, 0, -Infinity, -Infinity, Infinity, Infinity]);
  while (heap.length) {
    const item = pop();
    if (item[0] > max2) return;
    if (item[1] === 1) {
      if (!visit(item[2], Math.sqrt(item[0]))) return;
      continue;
    }
    const [, , left, right, axis, minX, minY, maxX, maxY] = item;
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const d = pointDist(i);
        if (d <= max2) push([d, 1, ids[i]]);
      }
      continue;
    }
    const m = (left + right) >> 1;
    const mx = coords[2 * m];
    const my = coords[2 * m + 1];
    const d = pointDist(m);
    if (d <= max2) push([d, 1, ids[m]]);
    const lo = axis === 0 ? [minX, minY, mx, maxY] : [minX, minY, maxX, my];
    const hi = axis === 0 ? [mx, minY, maxX, maxY] : [minX, my, maxX, maxY];
    const dl = boxDist(lo[0], lo[1], lo[2], lo[3]);
    if (m - 1 >= left && dl <= max2) push([dl, 0, left, m - 1, 1 - axis, ...lo]);
    const dh = boxDist(hi[0], hi[1], hi[2], hi[3]);
    if (right >= m + 1 && dh <= max2) push([dh, 0, m + 1, right, 1 - axis, ...hi]);
  }
}
