import { callerOpenid } from '../../cloudfunctions/store/cloudbase/app';

/** The invocation context of the newer CloudBase runtime: the caller's variables as JSON in `environment`. */
const context = (vars: Record<string, string>) => ({
  request_id: 'req-1',
  function_name: 'ratings',
  function_version: '$LATEST',
  namespace: 'env',
  memory_limit_in_mb: 256,
  time_limit_in_ms: 20000,
  environment: JSON.stringify(vars),
});

describe('the caller of a cloud function', () => {
  beforeEach(() => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'oFromEnvironment';
  });
  afterEach(() => {
    delete process.env.WX_CONTEXT_KEYS;
    delete process.env.WX_OPENID;
  });

  it('is the openid in the invocation context when the runtime passes one, before the process environment', () => {
    const ctx = context({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'oFromContext', WX_APPID: 'wx1' });
    expect(callerOpenid(ctx)).toBe('oFromContext');
  });

  it('is the openid of the process environment without a readable context, and nobody without either', () => {
    expect(callerOpenid(undefined)).toBe('oFromEnvironment');
    expect(callerOpenid({ request_id: 'old-runtime' })).toBe('oFromEnvironment');
    delete process.env.WX_OPENID;
    expect(callerOpenid(context({}))).toBeNull();
  });
});
