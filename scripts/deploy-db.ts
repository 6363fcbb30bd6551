/**
 * `npm run deploy:db`: creates every collection, index and security rule that `cloudbase/database.json` declares,
 * and the storage rule of `cloudbase/storage.json`, in the CloudBase environment `CLOUDBASE_ENV`, through the
 * management SDK (`@cloudbase/manager-node`; credentials `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY`).
 * Idempotent: it reads what exists, plans only what is missing or different, and a second run plans nothing.
 * Indexes the file does not declare are reported, never dropped. `--dry-run` prints the plan and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DATABASE_SPEC_FILE,
  sameIndex,
  type CollectionRules,
  type DatabaseSpec,
  type IndexSpec,
} from '../cloudfunctions/store/cloudbase/schema';

const ROOT = path.resolve(__dirname, '..');
export const STORAGE_SPEC_FILE = 'cloudbase/storage.json';

/** The storage bucket's rule for clients (the functions and the console are never bound by it). */
export interface StorageSpec {
  description?: string;
  rules: CollectionRules;
}

/** A security rule as CloudBase keeps it: a preset tag, or `CUSTOM` with the rule as JSON. */
export interface Acl {
  tag: 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY' | 'CUSTOM';
  rule?: CollectionRules;
}

/** What exists in the environment, as far as the declaration is concerned. */
export interface Existing {
  collections: Map<string, { indexes: IndexSpec[]; acl: Acl | null }>;
  storageAcl: Acl | null;
}

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexSpec }
  | { kind: 'replaceIndex'; collection: string; index: IndexSpec }
  | { kind: 'setRules'; collection: string; acl: Acl }
  | { kind: 'setStorageRules'; acl: Acl };

/**
 * The management operations deploying needs; `managerTarget` implements them on `@cloudbase/manager-node`, and
 * tests implement them on a fake.
 */
export interface DeployTarget {
  listCollections(): Promise<string[]>;
  indexes(collection: string): Promise<IndexSpec[]>;
  rules(collection: string): Promise<Acl | null>;
  storageRules(): Promise<Acl | null>;
  createCollection(collection: string): Promise<void>;
  createIndex(collection: string, index: IndexSpec): Promise<void>;
  dropIndex(collection: string, name: string): Promise<void>;
  setRules(collection: string, acl: Acl): Promise<void>;
  setStorageRules(acl: Acl): Promise<void>;
}

/** Denying both is CloudBase's preset "admins only"; anything else is a custom rule. */
export function aclFor(rules: CollectionRules): Acl {
  if (rules.read === false && rules.write === false) return { tag: 'ADMINONLY' };
  if (rules.read === true && rules.write === false) return { tag: 'ADMINWRITE' };
  return { tag: 'CUSTOM', rule: rules };
}

const sameAcl = (a: Acl | null, b: Acl) =>
  !!a && a.tag === b.tag && (a.tag !== 'CUSTOM' || JSON.stringify(a.rule) === JSON.stringify(b.rule));

/** The steps that make the environment match the declaration, in the order they must run. */
export function planDeploy(spec: DatabaseSpec, storage: StorageSpec | null, existing: Existing): Step[] {
  const steps: Step[] = [];
  for (const c of spec.collections) {
    const have = existing.collections.get(c.name);
    if (!have) steps.push({ kind: 'createCollection', collection: c.name });
    for (const index of c.indexes) {
      const same = have?.indexes.find((i) => i.name === index.name);
      if (!same) steps.push({ kind: 'createIndex', collection: c.name, index });
      else if (!sameIndex(same, index)) steps.push({ kind: 'replaceIndex', collection: c.name, index });
    }
    const acl = aclFor(c.rules);
    if (!sameAcl(have?.acl ?? null, acl)) steps.push({ kind: 'setRules', collection: c.name, acl });
  }
  if (storage) {
    const acl = aclFor(storage.rules);
    if (!sameAcl(existing.storageAcl, acl)) steps.push({ kind: 'setStorageRules', acl });
  }
  return steps;
}

/** Indexes in the environment that the declaration does not name (left alone, reported). */
export function undeclaredIndexes(spec: DatabaseSpec, existing: Existing): string[] {
  const out: string[] = [];
  for (const c of spec.collections)
    for (const i of existing.collections.get(c.name)?.indexes ?? [])
      if (i.name !== '_id_' && !c.indexes.some((d) => d.name === i.name)) out.push(`${c.name}.${i.name}`);
  return out;
}

/** Reads what exists of the declared collections. */
export async function readExisting(target: DeployTarget, spec: DatabaseSpec, withStorage: boolean): Promise<Existing> {
  const names = new Set(await target.listCollections());
  const collections: Existing['collections'] = new Map();
  for (const c of spec.collections)
    if (names.has(c.name))
      collections.set(c.name, { indexes: await target.indexes(c.name), acl: await target.rules(c.name) });
  return { collections, storageAcl: withStorage ? await target.storageRules() : null };
}

export async function applyStep(target: DeployTarget, step: Step): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      return target.createCollection(step.collection);
    case 'createIndex':
      return target.createIndex(step.collection, step.index);
    case 'replaceIndex':
      await target.dropIndex(step.collection, step.index.name);
      return target.createIndex(step.collection, step.index);
    case 'setRules':
      return target.setRules(step.collection, step.acl);
    case 'setStorageRules':
      return target.setStorageRules(step.acl);
  }
}

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `创建集合 ${step.collection}`;
    case 'createIndex':
    case 'replaceIndex': {
      const keys = step.index.keys.map((k) => `${k.field}:${k.direction}`).join(', ');
      const verb = step.kind === 'createIndex' ? '创建索引' : '重建索引';
      return `${verb} ${step.collection}.${step.index.name} (${keys})${step.index.unique ? ' 唯一' : ''}`;
    }
    case 'setRules':
      return `设置集合 ${step.collection} 的安全规则：${step.acl.tag}${step.acl.rule ? ` ${JSON.stringify(step.acl.rule)}` : ''}`;
    case 'setStorageRules':
      return `设置云存储安全规则：${step.acl.tag}${step.acl.rule ? ` ${JSON.stringify(step.acl.rule)}` : ''}`;
  }
}

/** Plans against what exists and applies the plan (unless `dryRun`); answers the steps. */
export async function deployDatabase(
  target: DeployTarget,
  spec: DatabaseSpec,
  storage: StorageSpec | null,
  options: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<Step[]> {
  const log = options.log ?? (() => undefined);
  const existing = await readExisting(target, spec, !!storage);
  const steps = planDeploy(spec, storage, existing);
  for (const extra of undeclaredIndexes(spec, existing)) log(`未在声明中的索引（保留）：${extra}`);
  for (const step of steps) {
    log(describeStep(step));
    if (!options.dryRun) await applyStep(target, step);
  }
  return steps;
}

export function readDatabaseSpec(): DatabaseSpec {
  return JSON.parse(fs.readFileSync(path.join(ROOT, DATABASE_SPEC_FILE), 'utf8')) as DatabaseSpec;
}

export function readStorageSpec(): StorageSpec {
  return JSON.parse(fs.readFileSync(path.join(ROOT, STORAGE_SPEC_FILE), 'utf8')) as StorageSpec;
}

/** The part of `@cloudbase/manager-node` this script calls (its database service, common service and storage). */
export interface Manager {
  database: {
    listCollections(options?: { MgoLimit?: number; MgoOffset?: number }): Promise<{
      Collections: { CollectionName: string }[];
      Pager?: { Total?: number };
    }>;
    describeCollection(name: string): Promise<{
      Indexes?: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique?: boolean }[];
    }>;
    createCollection(name: string): Promise<unknown>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: {
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
        }[];
        DropIndexes?: { IndexName: string }[];
      },
    ): Promise<unknown>;
  };
  commonService(
    service?: string,
    version?: string,
  ): {
    call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown>;
  };
  storage: {
    getStorageAcl(options: { withRule: true }): Promise<{ acl: string; rule?: CollectionRules }>;
    setStorageAcl(acl: string, rule?: CollectionRules): Promise<unknown>;
  };
}

function toDirection(d: string | undefined): IndexSpec['keys'][number]['direction'] {
  return d === '2dsphere' ? '2dsphere' : Number(d) === -1 ? -1 : 1;
}

function parseRule(rule: unknown): CollectionRules | undefined {
  if (typeof rule !== 'string' || !rule) return undefined;
  try {
    return JSON.parse(rule) as CollectionRules;
  } catch {
    return undefined;
  }
}

/**
 * The deploy target on the management SDK: collections and indexes through its database service (CreateTable,
 * UpdateTable, DescribeTable, ListTables), collection rules through the tcb API (DescribeDatabaseACL /
 * ModifyDatabaseACL for the presets, DescribeSafeRule / ModifySafeRule for custom rules), the storage rule through its storage service.
 */
export function managerTarget(manager: Manager, envId: string): DeployTarget {
  const tcb = () => manager.commonService('tcb');
  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const res = await manager.database.listCollections({ MgoLimit: 100, MgoOffset: offset });
        names.push(...res.Collections.map((c) => c.CollectionName));
        if (res.Collections.length < 100) return names;
      }
    },
    async indexes(collection) {
      const res = await manager.database.describeCollection(collection);
      return (res.Indexes ?? []).map((i) => ({
        name: i.Name,
        keys: i.Keys.map((k) => ({ field: k.Name ?? '', direction: toDirection(k.Direction) })),
        unique: !!i.Unique,
      }));
    },
    async rules(collection) {
      const acl = (await tcb().call({
        Action: 'DescribeDatabaseACL',
        Param: { EnvId: envId, CollectionName: collection },
      })) as { AclTag?: Acl['tag'] };
      if (!acl.AclTag) return null;
      if (acl.AclTag !== 'CUSTOM') return { tag: acl.AclTag };
      const custom = (await tcb().call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: envId, CollectionName: collection },
      })) as { Rule?: string };
      return { tag: 'CUSTOM', rule: parseRule(custom.Rule) };
    },
    async storageRules() {
      const res = await manager.storage.getStorageAcl({ withRule: true });
      return { tag: res.acl as Acl['tag'], rule: res.rule };
    },
    async createCollection(collection) {
      await manager.database.createCollection(collection);
    },
    async createIndex(collection, index) {
      await manager.database.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })),
              MgoIsUnique: !!index.unique,
            },
          },
        ],
      });
    },
    async dropIndex(collection, name) {
      await manager.database.updateCollection(collection, { DropIndexes: [{ IndexName: name }] });
    },
    async setRules(collection, acl) {
      if (acl.tag === 'CUSTOM')
        await tcb().call({
          Action: 'ModifySafeRule',
          Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(acl.rule) },
        });
      else
        await tcb().call({
          Action: 'ModifyDatabaseACL',
          Param: { EnvId: envId, CollectionName: collection, AclTag: acl.tag },
        });
    },
    async setStorageRules(acl) {
      await manager.storage.setStorageAcl(acl.tag, acl.tag === 'CUSTOM' ? acl.rule : undefined);
    },
  };
}

async function main(): Promise<void> {
  const { CLOUDBASE_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = process.env;
  if (!CLOUDBASE_ENV || !TENCENTCLOUD_SECRETID || !TENCENTCLOUD_SECRETKEY)
    throw new Error('缺少环境变量 CLOUDBASE_ENV、TENCENTCLOUD_SECRETID 或 TENCENTCLOUD_SECRETKEY');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (config: {
    secretId: string;
    secretKey: string;
    envId: string;
  }) => Manager;
  const manager = new CloudBase({
    secretId: TENCENTCLOUD_SECRETID,
    secretKey: TENCENTCLOUD_SECRETKEY,
    envId: CLOUDBASE_ENV,
  });
  const dryRun = process.argv.includes('--dry-run');
  const steps = await deployDatabase(managerTarget(manager, CLOUDBASE_ENV), readDatabaseSpec(), readStorageSpec(), {
    dryRun,
    log: (line) => console.log(line),
  });
  console.log(
    steps.length === 0
      ? `环境 ${CLOUDBASE_ENV} 已与声明一致，无需改动`
      : `${dryRun ? '将要执行' : '已执行'} ${steps.length} 项改动（环境 ${CLOUDBASE_ENV}）`,
  );
}

if (require.main === module)
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
