import type { Clock } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

/**
 * Simulated time for the in-memory CloudBase and the adapter: `sleep` waits on this clock, which moves only when
 * every caller is waiting — straight to the next wake-up. A run's durations are then what its requests' added
 * latency and its backoff pauses add up to, the same on a busy machine as on an idle one.
 */
export class SimulatedClock implements Clock {
  private t = 0;
  private seq = 0;
  /** A binary heap of sleepers by (wake time, order of sleeping). */
  private readonly heap: Sleeper[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.push({ at: this.t + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Runs `work` to its end, moving the clock whenever nothing else can happen. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    let settled = false;
    const result = work().finally(() => (settled = true));
    result.catch(() => undefined);
    while (!settled) {
      // Every continuation that is ready runs before the next turn of the event loop.
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      const next = this.heap[0];
      if (!next) throw new Error('simulated work is stuck: nothing is scheduled and it has not finished');
      this.t = next.at;
      while (this.heap.length && this.heap[0].at === this.t) this.pop().wake();
    }
    return result;
  }

  private less(a: Sleeper, b: Sleeper): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(s: Sleeper): void {
    const h = this.heap;
    h.push(s);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): Sleeper {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
