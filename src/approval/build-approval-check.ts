// The check run `kubegate/approval` on a default-branch commit: success when
// every environment the commit changes may be synced, failure naming each
// environment whose rule is not met (those environments are not synced).
import type { CheckResult } from '../core/types.js';
import type { ApprovalDecision } from './types.js';

export const APPROVAL_CHECK = 'kubegate/approval';

export interface EnvironmentApproval {
  environment: string;
  decision: ApprovalDecision;
}

export function buildApprovalCheck(sha: string, approvals: readonly EnvironmentApproval[]): CheckResult {
  const refused = approvals.filter((a) => !a.decision.approved);
  const lines = approvals.map(({ environment, decision }) =>
    decision.approved ? `- **${environment}**: approved: ${decision.summary}.` : `- **${environment}**: **not approved**: ${decision.reason}. It is not synced and stays at its last approved revision.`,
  );
  const summary = [`Approval of commit \`${sha.slice(0, 7)}\` for each environment it changes:`, '', ...lines].join('\n');
  if (refused.length === 0) {
    return { name: APPROVAL_CHECK, conclusion: 'success', title: `approved for ${approvals.map((a) => a.environment).join(', ')}`, summary, findings: [] };
  }
  return { name: APPROVAL_CHECK, conclusion: 'failure', title: `not approved for ${refused.map((a) => a.environment).join(', ')}`, summary, findings: [] };
}
