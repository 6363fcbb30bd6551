import type { CollectionRules, DatabaseSpec, IndexSpec } from '../../cloudfunctions/store/cloudbase/schema';
import { CloudbaseStore } from '../../cloudfunctions/store/cloudbase/CloudbaseStore';
import { cloudbaseDb } from '../../cloudfunctions/store/cloudbase/app';
import {
  deployDatabase,
  managerTarget,
  readDatabaseSpec,
  readStorageSpec,
  type Acl,
  type DeployTarget,
  type Manager,
} from '../../scripts/deploy-db';
import { installMemoryCloudbase } from '../support/cloudbase';

interface FakeIndex {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

/**
 * The management SDK's database, common and storage services, in memory, answering in the shapes
 * `@cloudbase/manager-node` returns (ListTables, DescribeTable, UpdateTable, the tcb ACL actions).
 */
class FakeManager implements Manager {
  readonly tables = new Map<string, { indexes: FakeIndex[]; acl: { AclTag: string; Rule?: string } }>();
  storageAcl: { acl: string; rule?: CollectionRules } = { acl: 'READONLY' };
  readonly calls: string[] = [];

  table(name: string) {
    const t = this.tables.get(name);
    if (!t) throw Object.assign(new Error(`Table ${name} not exist`), { code: 'ResourceNotFound' });
    return t;
  }

  database: Manager['database'] = {
    listCollections: async (options = {}) => {
      this.calls.push('ListTables');
      const all = [...this.tables.keys()].map((CollectionName) => ({ CollectionName }));
      const from = options.MgoOffset ?? 0;
      return { Collections: all.slice(from, from + (options.MgoLimit ?? 100)), Pager: { Total: all.length } };
    },
    describeCollection: async (name) => {
      this.calls.push(`DescribeTable ${name}`);
      return { Indexes: structuredClone(this.table(name).indexes) };
    },
    createCollection: async (name) => {
      this.calls.push(`CreateTable ${name}`);
      if (this.tables.has(name)) throw new Error(`Table ${name} exists`);
      this.tables.set(name, {
        indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }],
        acl: { AclTag: 'ADMINWRITE' },
      });
    },
    updateCollection: async (name, info) => {
      const t = this.table(name);
      for (const d of info.DropIndexes ?? []) {
        this.calls.push(`DropIndex ${name}.${d.IndexName}`);
        t.indexes = t.indexes.filter((i) => i.Name !== d.IndexName);
      }
      for (const c of info.CreateIndexes ?? []) {
        this.calls.push(`CreateIndex ${name}.${c.IndexName}`);
        if (t.indexes.some((i) => i.Name === c.IndexName)) throw new Error(`index ${c.IndexName} exists`);
        t.indexes.push({ Name: c.IndexName, Keys: c.MgoKeySchema.MgoIndexKeys, Unique: c.MgoKeySchema.MgoIsUnique });
      }
    },
  };

  commonService(service?: string) {
    expect(service).toBe('tcb');
    return {
      call: async ({ Action, Param }: { Action: string; Param: Record<string, unknown> }) => {
        const t = this.table(String(Param.CollectionName));
        this.calls.push(`${Action} ${String(Param.CollectionName)}`);
        expect(Param.EnvId).toBe('env-test');
        switch (Action) {
          case 'DescribeDatabaseACL':
            return { AclTag: t.acl.AclTag };
          case 'DescribeSafeRule':
            return { AclTag: t.acl.AclTag, Rule: t.acl.Rule };
          case 'ModifyDatabaseACL':
            t.acl = { AclTag: String(Param.AclTag) };
            return {};
          case 'ModifySafeRule':
            t.acl = { AclTag: 'CUSTOM', Rule: String(Param.Rule) };
            return {};
          default:
            throw new Error(`unexpected action ${Action}`);
        }
      },
    };
  }

  storage: Manager['storage'] = {
    getStorageAcl: async () => structuredClone(this.storageAcl),
    setStorageAcl: async (acl, rule) => {
      this.calls.push(`ModifyStorageSafeRule ${acl}`);
      this.storageAcl = { acl, rule };
    },
  };
}

const spec = () => readDatabaseSpec();
const indexCount = (s: DatabaseSpec) => s.collections.reduce((n, c) => n + c.indexes.length, 0);

describe('npm run deploy:db (planning against the management API)', () => {
  it('creates every declared collection, index and rule in an empty environment, then has nothing left to do', async () => {
    const manager = new FakeManager();
    const target = managerTarget(manager, 'env-test');
    const steps = await deployDatabase(target, spec(), readStorageSpec());
    const kinds = (k: string) => steps.filter((s) => s.kind === k).length;
    expect(kinds('createCollection')).toBe(spec().collections.length);
    expect(kinds('createIndex')).toBe(indexCount(spec()));
    expect(kinds('setRules')).toBe(spec().collections.length);
    expect(kinds('setStorageRules')).toBe(1);
    for (const c of spec().collections) {
      const t = manager.table(c.name);
      expect(t.acl).toEqual({ AclTag: 'ADMINONLY' });
      for (const i of c.indexes)
        expect(t.indexes.find((x) => x.Name === i.name)).toEqual({
          Name: i.name,
          Keys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
          Unique: !!i.unique,
        });
    }
    expect(manager.storageAcl).toEqual({ acl: 'CUSTOM', rule: readStorageSpec().rules });
    manager.calls.length = 0;
    expect(await deployDatabase(target, spec(), readStorageSpec())).toEqual([]);
    expect(manager.calls.filter((c) => !/^(ListTables|DescribeTable|Describe)/.test(c))).toEqual([]);
  });

  it('creates only what is missing, rebuilds an index whose keys changed and keeps undeclared ones', async () => {
    const manager = new FakeManager();
    const target = managerTarget(manager, 'env-test');
    await deployDatabase(target, spec(), readStorageSpec());
    // Someone deleted a collection, changed an index by hand, added their own, and opened a rule.
    manager.tables.delete('surveyAnswers');
    const outlets = manager.table('outlets');
    outlets.indexes = outlets.indexes.map((i) =>
      i.Name === 'business' ? { ...i, Keys: [{ Name: 'businessId', Direction: '-1' }] } : i,
    );
    outlets.indexes.push({ Name: 'by_hand', Keys: [{ Name: 'phone', Direction: '1' }], Unique: false });
    manager.table('ratings').acl = { AclTag: 'READONLY' };
    const log: string[] = [];
    const steps = await deployDatabase(target, spec(), readStorageSpec(), { log: (l) => log.push(l) });
    const answers = spec().collections.find((c) => c.name === 'surveyAnswers')!;
    expect(steps).toEqual([
      {
        kind: 'replaceIndex',
        collection: 'outlets',
        index: spec()
          .collections.find((c) => c.name === 'outlets')!
          .indexes.find((i) => i.name === 'business'),
      },
      { kind: 'setRules', collection: 'ratings', acl: { tag: 'ADMINONLY' } },
      { kind: 'createCollection', collection: 'surveyAnswers' },
      ...answers.indexes.map((index) => ({ kind: 'createIndex', collection: 'surveyAnswers', index })),
      { kind: 'setRules', collection: 'surveyAnswers', acl: { tag: 'ADMINONLY' } },
    ]);
    expect(log).toContain('未在声明中的索引（保留）：outlets.by_hand');
    expect(outlets.indexes.some((i) => i.Name === 'by_hand')).toBe(true);
    expect(await deployDatabase(target, spec(), readStorageSpec())).toEqual([]);
  });

  it('changes nothing on a dry run', async () => {
    const manager = new FakeManager();
    const steps = await deployDatabase(managerTarget(manager, 'env-test'), spec(), readStorageSpec(), {
      dryRun: true,
    });
    expect(steps.length).toBeGreaterThan(spec().collections.length);
    expect(manager.tables.size).toBe(0);
  });

  it('sets a custom rule through ModifySafeRule and reads it back as the same rule', async () => {
    const manager = new FakeManager();
    const target = managerTarget(manager, 'env-test');
    const custom = spec();
    custom.collections = custom.collections.slice(0, 1);
    custom.collections[0].rules = { read: 'auth.openid == doc.openid', write: false };
    await deployDatabase(target, custom, null);
    expect(manager.calls).toContain(`ModifySafeRule ${custom.collections[0].name}`);
    expect(await deployDatabase(target, custom, null)).toEqual([]);
  });
});

/** The deploy target on the in-memory CloudBase, so the script itself provisions the database the tests use. */
function memoryTarget(memory: ReturnType<typeof installMemoryCloudbase>): DeployTarget {
  const acls = new Map<string, Acl>();
  return {
    listCollections: async () => memory.describe().map((c) => c.name),
    indexes: async (c) => memory.describe().find((x) => x.name === c)?.indexes ?? [],
    rules: async (c) => acls.get(c) ?? null,
    storageRules: async () => null,
    createCollection: async (c) => memory.createCollection(c),
    createIndex: async (c, index: IndexSpec) => memory.createIndex(c, index),
    dropIndex: async (c, name) => memory.dropIndex(c, name),
    setRules: async (c, acl) => void acls.set(c, acl),
    setStorageRules: async () => undefined,
  };
}

describe('provisioning the in-memory CloudBase with the deploy script', () => {
  it('makes an empty database answer the product’s queries, which it refused before', async () => {
    const memory = installMemoryCloudbase({ spec: null });
    const store = new CloudbaseStore(cloudbaseDb());
    await expect(store.query('streets', { orderBy: { field: 'code' } })).rejects.toMatchObject({
      sdkCode: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    const target = memoryTarget(memory);
    await deployDatabase(target, spec(), null);
    expect((await store.query('streets', { orderBy: { field: 'code' } })).items).toEqual([]);
    expect(
      memory
        .describe()
        .map((c) => c.name)
        .sort(),
    ).toEqual(
      spec()
        .collections.map((c) => c.name)
        .sort(),
    );
    expect(await deployDatabase(target, spec(), null)).toEqual([]);
  });
});
