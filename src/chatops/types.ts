// ChatOps commands as parsed from a pull-request comment, and the rules that
// say who may run them (the `chatops` section of the default-branch config).

export const COMMAND_NAMES = ['sync', 'rollback', 'diff', 'validate', 'help'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** GitHub's repository roles, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type ChatCommand =
  | { kind: 'command'; name: CommandName; environment?: string; sha?: string; line: string }
  | { kind: 'unknown'; line: string; reason: string };

/** A rule as written; an environment's rule replaces its command's fields one by one. */
export interface CommandRule {
  minPermission?: Permission;
  /** When users or teams are given, the commenter must be one of the users or in one of the teams. */
  users?: string[];
  /** "team-slug" (the repository owner's organization) or "org/team-slug". */
  teams?: string[];
}

export interface CommandRules extends CommandRule {
  environments?: Record<string, CommandRule>;
}

export interface ChatOpsConfig {
  /** What starts a command line (default "/"): e.g. "/kubegate " for "/kubegate sync prod". */
  prefix?: string;
  commands?: Partial<Record<Exclude<CommandName, 'help'>, CommandRules>>;
}
