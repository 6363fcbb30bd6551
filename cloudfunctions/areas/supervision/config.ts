import { DEFAULT_THRESHOLDS, type EvaluationConfig, type Req, type Res } from '../../../types';
import type { Ctx, SignedInCtx } from '../../router/define';
import { readAll, type Store } from '../../store/port';

const CURRENT = 'current';
const versionId = (v: number) => `v${String(v).padStart(4, '0')}`;

/** The thresholds now: the admin's last version, or the defaults (version 0) until one is saved. */
export async function currentConfig(store: Store): Promise<EvaluationConfig> {
  return (
    (await store.get('evaluationConfig', CURRENT)) ?? {
      id: CURRENT,
      version: 0,
      thresholds: DEFAULT_THRESHOLDS,
      updatedBy: null,
      updatedAt: '1970-01-01T00:00:00.000Z',
      note: '默认标准',
    }
  );
}

/** The thresholds and every saved version, newest first. */
export async function readConfig({ store }: Ctx): Promise<Res<'supervision.config'>> {
  const [current, all] = await Promise.all([
    currentConfig(store),
    readAll(store, 'evaluationConfig', { version: { gte: 1 } }, { field: 'version', direction: 'desc' }),
  ]);
  return { current, history: all.filter((c) => c.id !== CURRENT) };
}

/** Saves new thresholds as the next version; the earlier versions stay (history). */
export async function saveConfig(
  { store, now, user }: SignedInCtx,
  { thresholds, note }: Req<'supervision.setConfig'>,
): Promise<EvaluationConfig> {
  const at = now().toISOString();
  return store.transaction(async (tx) => {
    const prev = await tx.get('evaluationConfig', CURRENT);
    const version = (prev?.version ?? 0) + 1;
    const next: EvaluationConfig = {
      id: CURRENT,
      version,
      thresholds,
      updatedBy: user.openid,
      updatedAt: at,
      note: note ?? null,
    };
    await tx.set('evaluationConfig', versionId(version), { ...next, id: versionId(version) });
    await tx.set('evaluationConfig', CURRENT, next);
    return next;
  });
}
