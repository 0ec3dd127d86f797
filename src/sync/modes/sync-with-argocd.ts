// argocd mode: ask Argo CD to sync the environment's Application, then follow
// status.operationState until the operation this request started (a new
// startedAt) is Succeeded, or Failed / Error, within the time budget.
import { splitApiVersion } from '../../diff/object-names.js';
import type { SyncAction, SyncedObject, SyncResult } from '../types.js';
import { describeSynced } from '../describe-sync.js';
import { readApplication, requestSync, type ArgoCdApplication, type ArgoCdResourceResult, type ArgoCdTarget } from './argocd-api.js';

export interface ArgoCdSyncOptions extends ArgoCdTarget {
  environment: string;
  cluster: string;
  /** Sync to this commit (omit: the Application's target revision). */
  revision?: string;
  prune: boolean;
  timeoutMs: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const RUNNING = new Set(['Running', 'Terminating', undefined]);

function actionOf(r: ArgoCdResourceResult): SyncAction {
  if (r.status === 'Pruned') return 'pruned';
  if (r.status === 'SyncFailed') return 'failed';
  const word = /\b(created|configured|unchanged)\b/.exec(r.message ?? '')?.[1];
  return word === 'created' || word === 'unchanged' ? word : 'configured';
}

function objectsOf(app: ArgoCdApplication): SyncedObject[] {
  return (app.status?.operationState?.syncResult?.resources ?? []).map((r) => {
    const { group, version } = splitApiVersion(r.group ? `${r.group}/${r.version ?? ''}` : (r.version ?? ''));
    const action = actionOf(r);
    return {
      ref: { group, version, kind: r.kind ?? '', name: r.name ?? '', ...(r.namespace ? { namespace: r.namespace } : {}) },
      action,
      ...(action === 'failed' && r.message ? { message: r.message } : {}),
    };
  });
}

export async function syncWithArgoCd(options: ArgoCdSyncOptions): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = now();
  const result = (status: SyncResult['status'], reason: string, app?: ArgoCdApplication): SyncResult => {
    const state = app?.status?.operationState;
    const details = app
      ? [`phase: ${state?.phase ?? 'unknown'}`, `revision: ${state?.syncResult?.revision ?? app.status?.sync?.revision ?? 'unknown'}`, `health: ${app.status?.health?.status ?? 'unknown'}`, ...(state?.message ? [`message: ${state.message}`] : [])]
      : [];
    return { environment: options.environment, cluster: options.cluster, mode: 'argocd', status, reason, objects: app ? objectsOf(app) : [], unhealthy: [], details, durationMs: now() - started };
  };
  try {
    // 1. The operation before ours, to tell ours apart.
    const before = (await readApplication(options)).status?.operationState?.startedAt;
    // 2. Ask for the sync.
    await requestSync(options, { prune: options.prune, ...(options.revision ? { revision: options.revision } : {}) });
    // 3. Follow our operation to its end.
    for (let pause = options.pollMs ?? 500; ; pause = Math.min(pause * 2, 5_000)) {
      const app = await readApplication(options);
      const state = app.status?.operationState;
      const ours = state !== undefined && state.startedAt !== before;
      if (ours && state.phase === 'Succeeded') return result('succeeded', `Argo CD synced ${options.application}: ${describeSynced(objectsOf(app))}`, app);
      if (ours && !RUNNING.has(state.phase)) return result('failed', `Argo CD sync of ${options.application} ended ${state.phase ?? ''}: ${state.message ?? 'no message'}`, app);
      if (now() + pause > started + options.timeoutMs) return result('failed', `Argo CD did not finish syncing ${options.application} within ${Math.round(options.timeoutMs / 1000)} s (phase ${state?.phase ?? 'unknown'})`, app);
      await sleep(pause);
    }
  } catch (err: unknown) {
    return result('failed', err instanceof Error ? err.message : String(err));
  }
}
