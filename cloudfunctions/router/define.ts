import { z } from 'zod';
import type { ActionKey, ActionsOf, Envelope, FnName, Req, Res, Role, User } from '../../types';
import type { DomainEvent, DomainEventType, EventOf } from '../core/domain-events';
import { AppError } from '../core/errors';
import { allows, type Access } from '../core/policy';
import type { Store } from '../store/port';
import { utcMinuteBucket } from '../../types/time';
import { ensureUser } from './identity';
import { describeIssue } from './messages';

/** What the entry (cloud function or local server) knows about the caller: only the platform's word. */
export interface Caller {
  /** From CloudBase's context or a verified local session; never from the payload. */
  openid: string | null;
}

/** A reaction of one area to another's change (see `DomainEvent`). */
export type Subscriber<T extends DomainEventType = DomainEventType> = (event: EventOf<T>, deps: Deps) => Promise<void>;
export type Subscriptions = { [T in DomainEventType]?: Subscriber<T>[] };

/** Services an entry lends to the routers. */
export interface Deps {
  store: Store;
  /** Current time; tests pass a fixed clock. */
  now: () => Date;
  /** Dev sign-in: on for `npm start` and tests, never in production. */
  devLogin: boolean;
  /** Issues a signed session for an openid; only entries that have sessions (the local server) give one. */
  issueSession?: (openid: string) => string | Promise<string>;
  /** Revokes the session of the current request (local server); answers whether one was revoked. */
  endSession?: () => Promise<boolean>;
  /** A short-lived link to an uploaded file (local server); in the cloud the file id itself is returned. */
  fileUrl?: (fileId: string) => string | Promise<string>;
  /**
   * The platform's content-security check for public text, when configured (WeChat's msgSecCheck in the cloud):
   * answers true when the text must wait for a person. The project's own word list always applies as well.
   */
  contentCheck?: (text: string, openid: string) => Promise<boolean>;
  /** Who reacts to which domain event; the entry wires the areas it carries. */
  subscriptions?: Subscriptions;
  /** Writes one person may make a minute (default `WRITES_PER_MINUTE`). */
  writesPerMinute?: number;
  /** Where unexpected errors are written; defaults to stderr. */
  log?: (message: string, err: unknown) => void;
}

/** Writes one person may make a minute, across every action that changes something. */
export const WRITES_PER_MINUTE = 60;

const writeCounterId = (openid: string, t: Date) => `w_${openid}_${utcMinuteBucket(t)}`;

/** Refuses a write beyond this person's limit for this minute, saying how long to wait; reads only. */
async function checkWriteLimit(deps: Deps, openid: string): Promise<void> {
  const t = deps.now();
  const counter = await deps.store.get('rateLimits', writeCounterId(openid, t));
  if ((counter?.count ?? 0) >= (deps.writesPerMinute ?? WRITES_PER_MINUTE))
    throw new AppError('RATE_LIMITED', `操作太频繁，请 ${Math.max(1, 60 - t.getUTCSeconds())} 秒后再试`);
}

/**
 * Counts a write that went through (a counter document per person and minute, in a transaction), so a refused
 * call writes nothing at all. Writes racing within the same instant may pass the check together: the limit holds
 * to within the number of such simultaneous calls.
 */
async function countWrite(deps: Deps, openid: string): Promise<void> {
  const id = writeCounterId(openid, deps.now());
  await deps.store.transaction(async (tx) => {
    const counter = (await tx.get('rateLimits', id)) ?? { id, count: 0 };
    const expiresAt = new Date(deps.now().getTime() + 2 * 60_000).toISOString();
    await tx.set('rateLimits', id, { id, count: counter.count + 1, expiresAt });
  });
}

export interface Ctx extends Deps {
  openid: string | null;
  user: User | null;
}

/** Like `Ctx`, with the signed-in user present; handed to actions that require one. */
export interface SignedInCtx extends Ctx {
  openid: string;
  user: User;
}

/** Tells the subscribed areas about a change, after it has been committed. */
export async function publish(deps: Deps, event: DomainEvent): Promise<void> {
  const subscribers = (deps.subscriptions?.[event.type] ?? []) as Subscriber[];
  for (const s of subscribers) await s(event as never, deps);
}

/** Merges the subscriptions of several areas. */
export function subscriptions(...lists: Subscriptions[]): Subscriptions {
  const out: Record<string, Subscriber[]> = {};
  for (const list of lists)
    for (const [type, subs] of Object.entries(list)) out[type] = [...(out[type] ?? []), ...(subs as Subscriber[])];
  return out as Subscriptions;
}

interface ActionDefBase<K extends ActionKey> {
  /** Checked before anything else runs; unknown keys are dropped, so a role or openid in a payload is ignored. */
  input: z.ZodType<Req<K>>;
  /** A write: counted against the caller's per-minute limit (`RATE_LIMITED` beyond it). */
  write?: true;
}
/** One action: its input schema, who may call it, and the use case it calls. */
export type ActionDef<K extends ActionKey> =
  | (ActionDefBase<K> & { access: 'public'; handler: (input: Req<K>, ctx: Ctx) => Promise<Res<K>> })
  | (ActionDefBase<K> & { access: 'signedIn'; handler: (input: Req<K>, ctx: SignedInCtx) => Promise<Res<K>> })
  | (ActionDefBase<K> & {
      access: 'roles';
      roles: readonly Role[];
      handler: (input: Req<K>, ctx: SignedInCtx) => Promise<Res<K>>;
    });

/** The action table of one function: every action of the contract's area, and no other. */
export type ActionTable<F extends FnName> = {
  [A in keyof ActionsOf<F>]: ActionsOf<F>[A] extends ActionKey ? ActionDef<ActionsOf<F>[A]> : never;
};

export interface Router {
  fn: FnName;
  /** The action names this router answers. */
  actions: string[];
  handle(event: unknown, caller: Caller, deps: Deps): Promise<Envelope<unknown>>;
}

const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() });

function fail(err: AppError): Envelope<never> {
  return {
    ok: false,
    error: {
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
      ...(err.fields && Object.keys(err.fields).length ? { fields: err.fields } : {}),
    },
  };
}

type AnyDef = {
  input: z.ZodType;
  write?: true;
  access: Access;
  roles?: readonly Role[];
  handler: (input: unknown, ctx: Ctx) => Promise<unknown>;
};

/** Builds the router of one area from its action table. One wrapper makes every envelope. */
export function defineRouter<F extends FnName>(fn: F, table: ActionTable<F>): Router {
  const defs = table as unknown as Record<string, AnyDef>;
  return {
    fn,
    actions: Object.keys(defs),
    async handle(event, caller, deps) {
      try {
        const ev = eventSchema.safeParse(event);
        if (!ev.success) throw new AppError('INVALID_INPUT', '请求格式有误：需要 { action, data }', 'action');
        const name = ev.data.action;
        const def = Object.prototype.hasOwnProperty.call(defs, name) ? defs[name] : undefined;
        if (!def) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${fn}.${name}`);
        const parsed = def.input.safeParse(ev.data.data ?? {});
        if (!parsed.success) {
          const { message, field, fields } = describeIssue(parsed.error);
          throw new AppError('INVALID_INPUT', message, field, fields);
        }
        const user = caller.openid ? await ensureUser(deps.store, caller.openid, deps.now()) : null;
        if (!allows(def.access, def.roles, user)) {
          throw user ? new AppError('FORBIDDEN') : new AppError('UNAUTHENTICATED');
        }
        if (def.write && user) await checkWriteLimit(deps, user.openid);
        const data = await def.handler(parsed.data, { ...deps, openid: caller.openid, user });
        if (def.write && user) await countWrite(deps, user.openid);
        return { ok: true, data };
      } catch (err) {
        if (err instanceof AppError) return fail(err);
        (deps.log ?? defaultLog)(`${fn}: unexpected error`, err);
        return fail(new AppError('INTERNAL'));
      }
    },
  };
}

function defaultLog(message: string, err: unknown): void {
  console.error(message, err);
}
