import { seedDemoAccounts } from '../../cloudfunctions/areas/auth';
import { seedReference } from '../../cloudfunctions/areas/geo';
import { readReference } from '../../cloudfunctions/local/reference-files';
import type { Store } from '../../cloudfunctions/store/port';

/** The real streets and communities, and the demo accounts tests sign in as. */
export async function seedWithDemoAccounts(store: Store, now: Date): Promise<void> {
  const ref = readReference();
  await seedReference(store, ref, now);
  await seedDemoAccounts(store, ref.streets, ref.communities[0], now);
}
