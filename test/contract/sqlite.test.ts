import { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { storeContract } from './store-contract';

describe('store contract', () => {
  storeContract(async () => SqliteStore.open(':memory:'));
});
