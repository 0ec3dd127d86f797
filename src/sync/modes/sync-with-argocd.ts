// argocd mode: ask Argo CD to sync the environment's Application, then follow
// status.operationState until the operation this request started (a new
// startedAt) is Succeeded, or Failed / Error, within the time budget.
import type { SyncResult } from '../types.js';
import { readApplication, requestSync } from './argocd-api.js';
import { argoCdResult, followOperation, type ArgoCdOperationOptions } from './argocd-operation.js';

export interface ArgoCdSyncOptions extends ArgoCdOperationOptions {
  /** Sync to this commit (omit: the Application's target revision). */
  revision?: string;
}

export async function syncWithArgoCd(options: ArgoCdSyncOptions): Promise<SyncResult> {
  const started = (options.now ?? Date.now)();
  try {
    // 1. The operation before ours, to tell ours apart.
    const before = (await readApplication(options)).status?.operationState?.startedAt;
    // 2. Ask for the sync.
    await requestSync(options, { prune: options.prune, ...(options.revision ? { revision: options.revision } : {}) });
    // 3. Follow our operation to its end.
    return await followOperation(options, { before, started, what: 'sync' });
  } catch (err: unknown) {
    return argoCdResult(options, started, 'failed', err instanceof Error ? err.message : String(err));
  }
}
