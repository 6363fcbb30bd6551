import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { callRaw, depsFor, errorOf, seededStore } from '../support/harness';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors that are not ones the store made: an object bound into SQL used to answer INTERNAL. */
const CRAFTED = [
  'W3siYSI6MX0sIngiXQ', // [{"a":1},"x"]
  b64('[[1,2],"x"]'),
  b64('[[],"x"]'),
  b64('[{},"x"]'),
  b64('["x"]'),
  b64('{"a":1}'),
  b64('[1e999,"x"]'),
  'not base64 at all!',
  '',
];

describe('crafted paging cursors', () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  const cases: [string, Record<string, unknown>, { account: string } | null][] = [
    ['geo.communities', {}, null],
    ['outlets.search', { q: '店' }, null],
    ['outlets.nearby', { lng: 116.3745, lat: 39.9075 }, null],
    ['ratings.list', { outletId: 'shop' }, null],
    ['reviews.queue', {}, { account: 'admin' }],
  ];

  it.each(cases)('answers INVALID_INPUT on field cursor for %s, never INTERNAL', async (action, data, as) => {
    for (const cursor of CRAFTED.filter(Boolean)) {
      const env = await callRaw(depsFor(store), action, { ...data, cursor }, as);
      const err = errorOf(env);
      expect({ cursor, code: err.code, field: err.field }).toEqual({ cursor, code: 'INVALID_INPUT', field: 'cursor' });
    }
  });
});
