import { ROUTERS } from '../../cloudfunctions/local/routers';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite/SqliteStore';
import { callRaw, depsFor, seededStore } from '../support/harness';

/** What no person should read in an error: code paths, field names, schema words, type names. */
const JARGON =
  /[a-z]+\.[0-9]+\.|creditCode|string >=|>=|<=|\b(string|number|boolean|array|object|undefined|NaN|null)\b/i;

/** Wrong inputs of every kind: nothing, wrong types everywhere, nested lists of the wrong things. */
const JUNK: unknown[] = [
  {},
  { id: 5, name: 1, title: [], lng: 'x', lat: {}, hours: 3, outlets: [{}, { hours: [1] }], answers: 'x' },
  { outlets: [{ name: '', hours: { week: [[['7', '8']]] } }], questions: [{}], target: { kind: 'x' } },
];

describe('error messages people read', () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('never show a code path or schema word, for any action and any wrong input, in the message or per field', async () => {
    const deps = depsFor(store);
    let checked = 0;
    for (const [fn, router] of Object.entries(ROUTERS)) {
      for (const action of router.actions) {
        for (const data of JUNK) {
          const env = await callRaw(deps, `${fn}.${action}`, data, { account: 'admin' });
          if (env.ok) continue;
          const { message, fields } = env.error;
          expect(`${fn}.${action}: ${message}`).not.toMatch(new RegExp(`: .*(${JARGON.source})`, 'i'));
          for (const [field, m] of Object.entries(fields ?? {}))
            expect(`${fn}.${action} ${field}: ${m}`).not.toMatch(new RegExp(`: .*(${JARGON.source})`, 'i'));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
