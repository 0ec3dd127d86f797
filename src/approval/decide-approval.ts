// Whether a commit on the default branch may be synced to an environment:
// small named rules in order; the first that says no gives the reason.
import { restrictsReviewers } from './resolve-approval-rule.js';
import type { ApprovalDecision, ApprovalFacts, ApprovalRule } from './types.js';

type Rule = (rule: ApprovalRule, facts: ApprovalFacts) => string | undefined;

const short = (sha: string): string => sha.slice(0, 7);

const cameThroughPullRequest: Rule = (_rule, facts) =>
  facts.pullRequest === undefined
    ? `commit ${short(facts.sha)} was pushed to ${facts.defaultBranch} directly, not merged through a pull request, so nobody approved it`
    : undefined;

const wasMerged: Rule = (_rule, { pullRequest: pr, defaultBranch, preMerge }) => {
  if (!pr || preMerge === true) return undefined;
  if (!pr.merged) return `pull request #${pr.number} is not merged`;
  return pr.baseRef === defaultBranch ? undefined : `pull request #${pr.number} was merged into ${pr.baseRef}, not ${defaultBranch}`;
};

function who(rule: ApprovalRule): string {
  const parts = [...rule.users.map((u) => `@${u}`), ...rule.teams.map((t) => `@${t}`)];
  return parts.length > 0 ? ` from ${parts.join(', ')}` : '';
}

const enoughApprovals: Rule = (rule, { pullRequest: pr, approvers, eligible }) => {
  if (!pr) return undefined;
  const counted = restrictsReviewers(rule) ? approvers.filter((a) => eligible.has(a.toLowerCase())) : approvers;
  if (counted.length >= rule.required) return undefined;
  const others = approvers.length > counted.length ? `; approvals by ${approvers.filter((a) => !counted.includes(a)).join(', ')} do not count under this rule` : '';
  return `pull request #${pr.number} has ${counted.length} of ${rule.required} required approvals${who(rule)} on its last commit ${short(pr.headSha)}${others}`;
};

const RULES: readonly Rule[] = [cameThroughPullRequest, wasMerged, enoughApprovals];

export function decideApproval(rule: ApprovalRule, facts: ApprovalFacts): ApprovalDecision {
  for (const check of RULES) {
    const reason = check(rule, facts);
    if (reason !== undefined) return { approved: false, reason };
  }
  const pr = facts.pullRequest;
  const counted = restrictsReviewers(rule) ? facts.approvers.filter((a) => facts.eligible.has(a.toLowerCase())) : facts.approvers;
  const by = counted.length > 0 ? ` by ${counted.join(', ')}` : '';
  return { approved: true, summary: `pull request #${pr?.number ?? 0} was approved${by} (${counted.length} of ${rule.required} required${who(rule)})` };
}
