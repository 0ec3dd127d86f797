// Plain data of a sync: what happened to each object of an environment, and
// the outcome that the GitHub Deployment status and the check run
// `kubegate/sync (ENV)` report.
import type { SyncMode } from '../config/types.js';
import type { DiffAction, ResolvedRef } from '../diff/types.js';

/**
 * created / configured / unchanged: what applying did (server-side apply);
 * recreated: deleted and created again (an immutable field changed, recreate allowed);
 * pruned: an ApplySet member no longer in Git, deleted;
 * failed: refused (by the dry-run before anything was applied, or by the apply);
 * skipped: not applied because the sync stopped earlier.
 */
export type SyncAction = 'created' | 'configured' | 'unchanged' | 'recreated' | 'pruned' | 'failed' | 'skipped';

export interface SyncedObject {
  ref: ResolvedRef;
  /** Where the object is written (absent for pruned objects, which Git no longer has). */
  source?: { file: string; line: number };
  action: SyncAction;
  /** What the dry-run before the apply said (the pull request's preview, recomputed at the merge commit). */
  predicted?: DiffAction;
  /** The server's words (Secret values scrubbed). */
  message?: string;
  /** The field an "is invalid" message names (immutable fields). */
  field?: string;
}

export interface UnhealthyObject {
  ref: ResolvedRef;
  reason: string;
}

export type SyncStatus =
  /** The cluster is in the merged state (or Argo CD / Flux said so). */
  | 'succeeded'
  /** Nothing was applied: a dry-run refusal, a namespace outside the allow-list, a foreign ApplySet. */
  | 'refused'
  /** Something went wrong after applying started (apiserver gone, unhealthy rollout, Argo CD/Flux failure or timeout). */
  | 'failed'
  /** Mode none: nothing to do but record. */
  | 'recorded';

export interface SyncResult {
  environment: string;
  cluster: string;
  mode: SyncMode;
  status: SyncStatus;
  /** One line for the deployment status (GitHub keeps 140 characters). */
  reason: string;
  objects: SyncedObject[];
  unhealthy: UnhealthyObject[];
  /** apply mode: the ApplySet's id and parent ("Secret ns/name"). */
  applySet?: { id: string; parent: string };
  /** argocd / flux: what they reported (phase, revision, message). */
  details?: string[];
  durationMs: number;
  /** A preview (`kubegate sync --dry-run`): the actions are what the sync would do; nothing was written. */
  dryRun?: true;
  /** argocd /rollback: why Argo CD was not asked to roll back (status refused; the revert pull request is the rollback). */
  rollbackSkipped?: 'auto-sync' | 'not-in-history';
}
