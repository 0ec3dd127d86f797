// The checks and commit statuses on a pull request's head, judged for a
// pre-merge /sync. GitHub does not tell an app without administration
// permission which of them branch protection requires, so every one must
// pass: a check run completed as success, neutral or skipped (what GitHub
// counts as passing for a required check), a commit status success.

/** A check run on the head, of any app (latest per name). */
export interface HeadCheck {
  name: string;
  /** queued, in_progress, completed, ... */
  status: string;
  conclusion: string | null;
  appId: number | null;
}

/** A commit status on the head (latest per context). */
export interface HeadStatus {
  context: string;
  /** success, failure, error, pending. */
  state: string;
}

const PASSING = new Set(['success', 'neutral', 'skipped']);

/** kubegate's own check runs that a pre-merge /sync needs, for an environment. */
export function kubegateChecks(environment: string): readonly string[] {
  return ['kubegate/validate', 'kubegate/policy', `kubegate/diff (${environment})`];
}

/**
 * kubegate's record of a sync (a pre-merge /sync of this head that failed
 * must not refuse the next attempt), not a requirement.
 */
export function isOwnSyncRun(check: HeadCheck, appId: number | undefined): boolean {
  return check.name.startsWith('kubegate/sync (') && (appId === undefined || check.appId === appId);
}

/** "ci/build is failure", "lint is in progress"; undefined when the run passed. */
export function checkProblem(check: Pick<HeadCheck, 'name' | 'status' | 'conclusion'>): string | undefined {
  if (check.status !== 'completed') return `${check.name} is ${check.status.replace('_', ' ')}`;
  return PASSING.has(check.conclusion ?? '') ? undefined : `${check.name} is ${check.conclusion ?? 'without a conclusion'}`;
}

export function statusProblem(status: HeadStatus): string | undefined {
  return status.state === 'success' ? undefined : `${status.context} is ${status.state}`;
}

/** The runs that are not passing, kubegate's own sync records left out. */
export function failingChecks(checks: readonly HeadCheck[], appId: number | undefined): string[] {
  return checks.filter((c) => !isOwnSyncRun(c, appId)).flatMap((c) => checkProblem(c) ?? []);
}
