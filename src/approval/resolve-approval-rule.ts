// An environment's approval rule: its own `approvals`, else the top-level
// one, else one approval by anyone. Teams are "org/slug" ("slug" is in the
// repository owner's organization).
import type { EnvironmentConfig, RepoConfig } from '../config/types.js';
import type { ApprovalRule } from './types.js';

export function resolveApprovalRule(config: Pick<RepoConfig, 'approvals'>, env: Pick<EnvironmentConfig, 'approvals'>, owner: string): ApprovalRule {
  const rule = env.approvals ?? config.approvals ?? {};
  return {
    required: rule.required ?? 1,
    users: rule.users ?? [],
    teams: (rule.teams ?? []).map((t) => (t.includes('/') ? t : `${owner}/${t}`)),
  };
}

export function restrictsReviewers(rule: ApprovalRule): boolean {
  return rule.users.length > 0 || rule.teams.length > 0;
}
