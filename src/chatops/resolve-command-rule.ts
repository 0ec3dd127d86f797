// The rule that judges one command (and environment): the environment's rule
// field by field over the command's, over the built-in default permission.
import type { ChatOpsConfig, CommandName, CommandRule, Permission } from './types.js';

/** Changing a cluster needs write; looking (diff, validate, help) needs read. */
export const DEFAULT_MIN_PERMISSION: Record<CommandName, Permission> = {
  sync: 'write',
  rollback: 'write',
  diff: 'read',
  validate: 'read',
  help: 'read',
};

export interface ResolvedRule {
  minPermission: Permission;
  users?: string[];
  teams?: string[];
  /** Where the rule comes from, for refusals: "chatops.commands.sync.environments.production". */
  source: string;
}

export function resolveCommandRule(config: ChatOpsConfig | undefined, name: CommandName, environment: string | undefined): ResolvedRule {
  const command = name === 'help' ? undefined : config?.commands?.[name];
  const env: CommandRule | undefined = environment === undefined ? undefined : command?.environments?.[environment];
  const source = env ? `chatops.commands.${name}.environments.${environment ?? ''}` : command ? `chatops.commands.${name}` : `the default rule of ${name}`;
  const users = env?.users ?? command?.users;
  const teams = env?.teams ?? command?.teams;
  return {
    minPermission: env?.minPermission ?? command?.minPermission ?? DEFAULT_MIN_PERMISSION[name],
    ...(users ? { users } : {}),
    ...(teams ? { teams } : {}),
    source,
  };
}
