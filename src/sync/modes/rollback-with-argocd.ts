// ChatOps /rollback of an argocd environment: Argo CD's own rollback to the
// history entry of the target commit, followed as a sync is. Argo CD refuses a
// rollback while auto-sync is on (it would sync back to Git at once), and can
// roll back only to what its history remembers (the last revisionHistoryLimit
// syncs): in both cases nothing is asked, the result is refused and says
// which (`rollbackSkipped`), and the revert pull request is the rollback.
import type { SyncResult } from '../types.js';
import { readApplication, requestRollback, type ArgoCdApplication } from './argocd-api.js';
import { argoCdResult, followOperation, type ArgoCdOperationOptions } from './argocd-operation.js';

export interface ArgoCdRollbackOptions extends ArgoCdOperationOptions {
  /** The commit to go back to (full SHA, as the GitHub Deployment records it). */
  revision: string;
}

function historyEntry(app: ArgoCdApplication, revision: string) {
  return app.status?.history?.find((h) => h.revision === revision);
}

function remembered(app: ArgoCdApplication): string {
  const revisions = (app.status?.history ?? []).map((h) => (h.revision ?? '?').slice(0, 7));
  return revisions.length > 0 ? `it remembers ${revisions.join(', ')}` : 'its history is empty';
}

export async function rollbackWithArgoCd(options: ArgoCdRollbackOptions): Promise<SyncResult> {
  const started = (options.now ?? Date.now)();
  const short = options.revision.slice(0, 7);
  try {
    // 1. The Application: auto-sync off, and the target in its history.
    const app = await readApplication(options);
    if (app.spec?.syncPolicy?.automated !== undefined && app.spec.syncPolicy.automated !== null) {
      return { ...argoCdResult(options, started, 'refused', `Argo CD application ${options.application} has auto-sync on, so it follows Git and refuses a rollback`), rollbackSkipped: 'auto-sync' };
    }
    const entry = historyEntry(app, options.revision);
    if (!entry) {
      return { ...argoCdResult(options, started, 'refused', `Argo CD application ${options.application} has no deployment of ${short} in its history (${remembered(app)})`), rollbackSkipped: 'not-in-history' };
    }
    // 2. Ask for the rollback, then follow it as a sync.
    await requestRollback(options, { id: entry.id, prune: options.prune });
    return await followOperation(options, { before: app.status?.operationState?.startedAt, started, what: 'rollback' });
  } catch (err: unknown) {
    return argoCdResult(options, started, 'failed', err instanceof Error ? err.message : String(err));
  }
}
