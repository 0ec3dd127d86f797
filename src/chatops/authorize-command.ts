// May this commenter run this command? The commenter's repository role (from
// GitHub's collaborator-permission API) against the resolved rule; a refusal
// names the rule, what it needs and what the commenter has.
import type { ResolvedRule } from './resolve-command-rule.js';
import { PERMISSIONS, type Permission } from './types.js';

export interface Commenter {
  login: string;
  permission: Permission;
  /** Whether the commenter is in one of these teams (GitHub is asked only when a rule names teams). */
  inTeams: (teams: readonly string[]) => Promise<boolean>;
}

export type Authorization = { ok: true } | { ok: false; reason: string };

export function atLeast(have: Permission, need: Permission): boolean {
  return PERMISSIONS.indexOf(have) >= PERMISSIONS.indexOf(need);
}

export async function authorizeCommand(rule: ResolvedRule, commenter: Commenter): Promise<Authorization> {
  if (!atLeast(commenter.permission, rule.minPermission)) {
    return { ok: false, reason: `${rule.source} needs ${rule.minPermission} permission; @${commenter.login} has ${commenter.permission}` };
  }
  if (!rule.users && !rule.teams) return { ok: true };
  const login = commenter.login.toLowerCase();
  if (rule.users?.some((u) => u.toLowerCase() === login)) return { ok: true };
  if (rule.teams && rule.teams.length > 0 && (await commenter.inTeams(rule.teams))) return { ok: true };
  const who = [...(rule.users ?? []).map((u) => `@${u}`), ...(rule.teams ?? []).map((t) => `team ${t}`)].join(', ');
  return { ok: false, reason: `${rule.source} allows only ${who}; @${commenter.login} is none of them` };
}
