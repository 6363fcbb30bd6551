import { ensureH5Build } from '../../scripts/h5-build';

/** The browser tests run against the real H5 build; build it once if it is missing or stale. */
export default function globalSetup(): void {
  ensureH5Build();
}
