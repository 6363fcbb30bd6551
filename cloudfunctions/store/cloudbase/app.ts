import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
let app: App | null = null;

/**
 * The one CloudBase app of a function instance, created on first use. Inside a cloud function
 * `SYMBOL_CURRENT_ENV` selects the environment the function runs in and the platform supplies credentials.
 * Outside (the cloud seeding script) `CLOUDBASE_ENV` names the environment and `TENCENTCLOUD_SECRETID` /
 * `TENCENTCLOUD_SECRETKEY` are the credentials.
 */
export function cloudbaseApp(): App {
  if (!app) {
    const { CLOUDBASE_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, TENCENTCLOUD_RUNENV } = process.env;
    const keys =
      TENCENTCLOUD_RUNENV !== 'SCF' && TENCENTCLOUD_SECRETID && TENCENTCLOUD_SECRETKEY
        ? { secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY }
        : {};
    app = tcb.init({ env: CLOUDBASE_ENV || tcb.SYMBOL_CURRENT_ENV, ...keys });
  }
  return app;
}

let db: ReturnType<App['database']> | null = null;

/** The database of that app, also created once. */
export function cloudbaseDb(): ReturnType<App['database']> {
  if (!db) db = cloudbaseApp().database();
  return db;
}

/** A context the SDK can read: the newer runtime passes the caller's variables as JSON in `environment`. */
function readableContext(context: unknown): Parameters<typeof tcb.getCloudbaseContext>[0] | undefined {
  if (!context || typeof context !== 'object') return undefined;
  const c = context as { environment?: unknown; environ?: unknown };
  return typeof c.environment === 'string' || typeof c.environ === 'string'
    ? (context as Parameters<typeof tcb.getCloudbaseContext>[0])
    : undefined;
}

/**
 * The caller's openid, as CloudBase vouches for it: from the invocation's `context` when the runtime passes the
 * caller's variables there (the SDK prefers it to `process.env`), else from the environment; null for nobody.
 * `auth().getUserInfo()` reads only `process.env`, so function entries should call this with their `context`.
 */
export function callerOpenid(context?: unknown): string | null {
  let ctx: { WX_OPENID?: string };
  try {
    ctx = tcb.getCloudbaseContext(readableContext(context)) as { WX_OPENID?: string };
  } catch {
    ctx = tcb.getCloudbaseContext() as { WX_OPENID?: string };
  }
  return ctx.WX_OPENID || null;
}
