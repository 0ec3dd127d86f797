// Whether `/sync ENV` may apply an open pull request's head to ENV before
// merge: small named rules in order; the first that says no gives the reason.
import type { ApprovalDecision } from '../approval/types.js';
import type { SyncMode } from '../config/types.js';

export interface PreMergeFacts {
  environment: string;
  pullNumber: number;
  headSha: string;
  allowPreMerge: boolean;
  mode: SyncMode;
  /** The approval rule's decision for the pull request's head. */
  approval: ApprovalDecision;
  /** GET pull: true, false, or null while GitHub is still computing it. */
  mergeable: boolean | null;
  mergeableState: string;
  /** kubegate's own check runs on the head (latest per name). */
  checks: readonly { name: string; conclusion: string | null }[];
}

type Rule = (facts: PreMergeFacts) => string | undefined;

const short = (sha: string): string => sha.slice(0, 7);

const allowed: Rule = (f) =>
  f.allowPreMerge ? undefined : `environment ${f.environment} does not allow syncing before merge (\`sync.allowPreMerge\` is off), so merge #${f.pullNumber} first`;

const applies: Rule = (f) => (f.mode === 'apply' ? undefined : `environment ${f.environment} uses sync.mode ${f.mode}; syncing before merge needs sync.mode apply`);

const approved: Rule = (f) => (f.approval.approved ? undefined : f.approval.reason);

const mergeable: Rule = (f) => {
  if (f.mergeable === null) return `GitHub is still computing whether #${f.pullNumber} can be merged; try again in a moment`;
  return f.mergeable ? undefined : `#${f.pullNumber} cannot be merged (conflicts with its base)`;
};

function requiredChecks(environment: string): readonly string[] {
  return ['kubegate/validate', 'kubegate/policy', `kubegate/diff (${environment})`];
}

const checksGreen: Rule = (f) => {
  const failing = requiredChecks(f.environment).flatMap((name) => {
    const run = f.checks.find((c) => c.name === name);
    // The diff check exists only where a cluster diff runs.
    if (!run) return name.startsWith('kubegate/diff') ? [] : [`${name} has not run`];
    return run.conclusion === 'success' ? [] : [`${name} is ${run.conclusion ?? 'not finished'}`];
  });
  return failing.length === 0 ? undefined : `kubegate's checks on the head ${short(f.headSha)} are not green: ${failing.join(', ')}`;
};

const upToDate: Rule = (f) => (f.mergeableState === 'behind' ? `#${f.pullNumber} is behind its base branch; update it and try again` : undefined);

const RULES: readonly Rule[] = [allowed, applies, approved, mergeable, checksGreen, upToDate];

/** The first reason not to sync, or undefined when every requirement holds. */
export function decidePreMergeSync(facts: PreMergeFacts): string | undefined {
  for (const rule of RULES) {
    const reason = rule(facts);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
