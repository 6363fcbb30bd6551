import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../../types';
import { COLLECTIONS } from '../../cloudfunctions/store/port';
import { TX_BUDGET_MS } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';

interface RcFunction {
  name: string;
  timeout: number;
  handler: string;
  envVariables?: Record<string, string>;
}

/** Functions whose transactions meet others on one document (an outlet's ratings, an event's seats, a survey's count). */
const CONTENDED = ['ratings', 'events', 'surveys'];

const ROOT = path.resolve(__dirname, '../..');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

describe('deployment files', () => {
  it('declare every function in cloudbaserc.json with a timeout within CloudBase limits', () => {
    const rc = read<{ functionRoot: string; functions: { name: string; timeout: number; handler: string }[] }>(
      'cloudbaserc.json',
    );
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...FUNCTIONS].sort());
    expect(rc.functionRoot).toBe('./dist-functions');
    for (const f of rc.functions) {
      expect(f.handler).toBe('index.main');
      expect(f.timeout).toBeGreaterThanOrEqual(1);
      expect(f.timeout).toBeLessThanOrEqual(60);
    }
  });

  it('give functions that write under contention 20 s, twice the transaction retry budget and more', () => {
    const rc = read<{ functions: RcFunction[] }>('cloudbaserc.json');
    for (const name of CONTENDED) {
      const f = rc.functions.find((x) => x.name === name)!;
      expect({ name, timeout: f.timeout }).toEqual({ name, timeout: 20 });
    }
    for (const f of rc.functions) expect(f.timeout * 1000).toBeGreaterThan(TX_BUDGET_MS + 3000);
  });

  it('declare the environment the functions read, so a redeploy keeps it', () => {
    const rc = read<{ functions: RcFunction[] }>('cloudbaserc.json');
    const ratings = rc.functions.find((f) => f.name === 'ratings')!;
    expect(ratings.envVariables).toMatchObject({ WECHAT_CONTENT_CHECK: '1', TZ: 'Asia/Shanghai' });
  });

  it('describe every collection of the store, each denying direct client access', () => {
    const db = read<{ collections: { name: string; rules: { read: boolean; write: boolean } }[] }>(
      'cloudbase/database.json',
    );
    expect(db.collections.map((c) => c.name).sort()).toEqual([...COLLECTIONS].sort());
    for (const c of db.collections) expect(c.rules).toEqual({ read: false, write: false });
  });

  it('point the WeChat project at the built mini-program and functions', () => {
    const project = read<{ miniprogramRoot: string; cloudfunctionRoot: string }>('project.config.json');
    expect(project).toMatchObject({ miniprogramRoot: 'dist/', cloudfunctionRoot: 'dist-functions/' });
  });
});
