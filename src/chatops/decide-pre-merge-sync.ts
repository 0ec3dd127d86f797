// Whether `/sync ENV` may apply an open pull request's head to ENV before
// merge: small named rules in order; the first that says no gives the reason.
// The specific rules (kubegate's checks, every check and status on the head,
// the compare with the base) come before GitHub's summary `mergeable_state`,
// so a refusal names what to fix where kubegate can see it.
import type { ApprovalDecision } from '../approval/types.js';
import type { SyncMode } from '../config/types.js';
import { checkProblem, failingChecks, isOwnSyncRun, kubegateChecks, statusProblem, type HeadCheck, type HeadStatus } from './head-checks.js';

export type { HeadCheck, HeadStatus } from './head-checks.js';

export interface PreMergeFacts {
  environment: string;
  pullNumber: number;
  headSha: string;
  /** The base branch (the default branch). */
  baseRef: string;
  allowPreMerge: boolean;
  mode: SyncMode;
  /** The approval rule's decision for the pull request's head. */
  approval: ApprovalDecision;
  /** GET pull: true, false, or null while GitHub is still computing it. */
  mergeable: boolean | null;
  mergeableState: string;
  /** Every check run on the head, of any app (latest per name). */
  checks: readonly HeadCheck[];
  /** kubegate's own app (undefined with token auth: runs are told apart by name only). */
  appId: number | undefined;
  /** Commit statuses on the head (latest per context). */
  statuses: readonly HeadStatus[];
  /** Commits of the base branch the head lacks (compare base...head, behind_by). */
  behindBy: number;
}

type Rule = (facts: PreMergeFacts) => string | undefined;

const short = (sha: string): string => sha.slice(0, 7);

const allowed: Rule = (f) =>
  f.allowPreMerge ? undefined : `environment ${f.environment} does not allow syncing before merge (\`sync.allowPreMerge\` is off), so merge #${f.pullNumber} first`;

const applies: Rule = (f) => (f.mode === 'apply' ? undefined : `environment ${f.environment} uses sync.mode ${f.mode}; syncing before merge needs sync.mode apply`);

const approved: Rule = (f) => (f.approval.approved ? undefined : f.approval.reason);

const computed: Rule = (f) =>
  f.mergeable === null || f.mergeableState === 'unknown' ? `GitHub is still computing whether #${f.pullNumber} can be merged; try again in a moment` : undefined;

const mergeable: Rule = (f) =>
  f.mergeable === false || f.mergeableState === 'dirty' ? `#${f.pullNumber} cannot be merged: it conflicts with ${f.baseRef}; resolve the conflicts first` : undefined;

const ownChecksGreen: Rule = (f) => {
  const ours = f.checks.filter((c) => f.appId === undefined || c.appId === f.appId);
  const failing = kubegateChecks(f.environment).flatMap((name) => {
    const run = ours.find((c) => c.name === name);
    // The diff check exists only where a cluster diff runs.
    if (!run) return name.startsWith('kubegate/diff') ? [] : [`${name} has not run`];
    if (run.status === 'completed' && run.conclusion === 'success') return [];
    return [run.status === 'completed' ? `${name} is ${run.conclusion ?? 'without a conclusion'}` : `${name} is not finished`];
  });
  return failing.length === 0 ? undefined : `kubegate's checks on the head ${short(f.headSha)} are not green: ${failing.join(', ')}`;
};

const allChecksGreen: Rule = (f) => {
  const failing = [...failingChecks(f.checks, f.appId), ...f.statuses.flatMap((s) => statusProblem(s) ?? [])];
  return failing.length === 0 ? undefined : `not every check on the head ${short(f.headSha)} passed: ${failing.join(', ')}`;
};

const upToDate: Rule = (f) =>
  f.behindBy > 0 ? `#${f.pullNumber} is not up to date with ${f.baseRef}: its head lacks ${f.behindBy} commit${f.behindBy === 1 ? '' : 's'} of ${f.baseRef}; update the branch and try again` : undefined;

/** `unstable` (a check or status not passing) that only kubegate's own earlier sync record explains. */
function onlyOwnSyncUnstable(f: PreMergeFacts): boolean {
  return f.checks.some((c) => isOwnSyncRun(c, f.appId) && checkProblem(c) !== undefined);
}

const MERGE_STATE_REASONS: Readonly<Record<string, (f: PreMergeFacts) => string | undefined>> = {
  clean: () => undefined,
  has_hooks: () => undefined,
  behind: (f) => `#${f.pullNumber} is behind ${f.baseRef}; update the branch and try again`,
  blocked: (f) => `#${f.pullNumber} is blocked by the branch protection of ${f.baseRef} (a required review, check or other rule is not met); what could not be merged is not synced before merge`,
  unstable: (f) => (onlyOwnSyncUnstable(f) ? undefined : `#${f.pullNumber} has a check or commit status that is not passing (GitHub's mergeable_state is unstable)`),
  draft: (f) => `#${f.pullNumber} is a draft; mark it ready for review first`,
};

/** GitHub's summary of everything, branch protection included, which kubegate cannot read itself. */
const mergeState: Rule = (f) => {
  const reason = MERGE_STATE_REASONS[f.mergeableState];
  return reason ? reason(f) : `#${f.pullNumber} cannot be merged now (GitHub's mergeable_state is ${f.mergeableState})`;
};

const RULES: readonly Rule[] = [allowed, applies, approved, computed, mergeable, ownChecksGreen, allChecksGreen, upToDate, mergeState];

/** The first reason not to sync, or undefined when every requirement holds. */
export function decidePreMergeSync(facts: PreMergeFacts): string | undefined {
  for (const rule of RULES) {
    const reason = rule(facts);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
