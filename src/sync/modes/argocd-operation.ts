// What a sync and a rollback through Argo CD share: the options of one
// Application's operation, following status.operationState until the
// operation kubegate started (a startedAt other than the one before) is
// Succeeded, or Failed / Error, within the time budget; and the SyncResult
// built from what Argo CD reported (per-resource results, phase, revision,
// health, message).
import { splitApiVersion } from '../../diff/object-names.js';
import { describeSynced } from '../describe-sync.js';
import type { SyncAction, SyncedObject, SyncResult } from '../types.js';
import { readApplication, type ArgoCdApplication, type ArgoCdResourceResult, type ArgoCdTarget } from './argocd-api.js';

export interface ArgoCdOperationOptions extends ArgoCdTarget {
  environment: string;
  cluster: string;
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

/** The result of an Argo CD operation that began at `started` (with what Argo CD said, when it answered). */
export function argoCdResult(options: ArgoCdOperationOptions, started: number, status: SyncResult['status'], reason: string, app?: ArgoCdApplication): SyncResult {
  const now = options.now ?? Date.now;
  const state = app?.status?.operationState;
  const details = app
    ? [`phase: ${state?.phase ?? 'unknown'}`, `revision: ${state?.syncResult?.revision ?? app.status?.sync?.revision ?? 'unknown'}`, `health: ${app.status?.health?.status ?? 'unknown'}`, ...(state?.message ? [`message: ${state.message}`] : [])]
    : [];
  return { environment: options.environment, cluster: options.cluster, mode: 'argocd', status, reason, objects: app ? objectsOf(app) : [], unhealthy: [], details, durationMs: now() - started };
}

/** Follows the operation kubegate started after `before` (the startedAt read before asking) to its end. */
export async function followOperation(options: ArgoCdOperationOptions, run: { before: string | undefined; started: number; what: 'sync' | 'rollback' }): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const [done, doing] = run.what === 'sync' ? ['synced', 'syncing'] : ['rolled back', 'rolling back'];
  for (let pause = options.pollMs ?? 500; ; pause = Math.min(pause * 2, 5_000)) {
    const app = await readApplication(options);
    const state = app.status?.operationState;
    const ours = state !== undefined && state.startedAt !== run.before;
    if (ours && state.phase === 'Succeeded') return argoCdResult(options, run.started, 'succeeded', `Argo CD ${done} ${options.application}: ${describeSynced(objectsOf(app))}`, app);
    if (ours && !RUNNING.has(state.phase)) return argoCdResult(options, run.started, 'failed', `Argo CD ${run.what} of ${options.application} ended ${state.phase ?? ''}: ${state.message ?? 'no message'}`, app);
    if (now() + pause > run.started + options.timeoutMs) {
      return argoCdResult(options, run.started, 'failed', `Argo CD did not finish ${doing} ${options.application} within ${Math.round(options.timeoutMs / 1000)} s (phase ${state?.phase ?? 'unknown'})`, app);
    }
    await sleep(pause);
  }
}
