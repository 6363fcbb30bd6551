import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
let app: App | null = null;

/**
 * The one CloudBase app of a function instance, created on first use. Inside a cloud function
 * `SYMBOL_CURRENT_ENV` selects the environment the function runs in; `CLOUDBASE_ENV` overrides it.
 */
export function cloudbaseApp(): App {
  if (!app) app = tcb.init({ env: process.env.CLOUDBASE_ENV || tcb.SYMBOL_CURRENT_ENV });
  return app;
}

let db: ReturnType<App['database']> | null = null;

/** The database of that app, also created once. */
export function cloudbaseDb(): ReturnType<App['database']> {
  if (!db) db = cloudbaseApp().database();
  return db;
}
