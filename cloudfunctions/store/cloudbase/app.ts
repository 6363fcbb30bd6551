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
