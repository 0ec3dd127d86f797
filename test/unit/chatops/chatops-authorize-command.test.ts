import { authorizeCommand, type Commenter } from '../../../src/chatops/authorize-command.js';
import { resolveCommandRule } from '../../../src/chatops/resolve-command-rule.js';
import type { ChatOpsConfig, Permission } from '../../../src/chatops/types.js';

function commenter(permission: Permission, teams: string[] = [], login = 'octocat'): Commenter {
  return { login, permission, inTeams: async (wanted) => wanted.some((t) => teams.includes(t)) };
}

const config: ChatOpsConfig = {
  commands: {
    sync: { minPermission: 'maintain', environments: { production: { minPermission: 'admin', users: ['release-bot-owner'], teams: ['sre'] } } },
    diff: { minPermission: 'triage' },
  },
};

describe('resolveCommandRule and authorizeCommand', () => {
  test('defaults: write to change a cluster, read to look', async () => {
    expect(resolveCommandRule(undefined, 'sync', 'staging')).toEqual({ minPermission: 'write', source: 'the default rule of sync' });
    expect(resolveCommandRule(undefined, 'validate', undefined).minPermission).toBe('read');
    expect(await authorizeCommand(resolveCommandRule(undefined, 'rollback', 'prod'), commenter('triage'))).toEqual({
      ok: false,
      reason: 'the default rule of rollback needs write permission; @octocat has triage',
    });
    expect(await authorizeCommand(resolveCommandRule(undefined, 'diff', undefined), commenter('read'))).toEqual({ ok: true });
  });

  test("an environment's rule replaces its command's; the refusal names it", async () => {
    expect(await authorizeCommand(resolveCommandRule(config, 'sync', 'staging'), commenter('write'))).toEqual({
      ok: false,
      reason: 'chatops.commands.sync needs maintain permission; @octocat has write',
    });
    const production = resolveCommandRule(config, 'sync', 'production');
    expect(await authorizeCommand(production, commenter('maintain'))).toEqual({
      ok: false,
      reason: 'chatops.commands.sync.environments.production needs admin permission; @octocat has maintain',
    });
    expect(await authorizeCommand(production, commenter('admin'))).toEqual({
      ok: false,
      reason: 'chatops.commands.sync.environments.production allows only @release-bot-owner, team sre; @octocat is none of them',
    });
    expect(await authorizeCommand(production, commenter('admin', ['sre']))).toEqual({ ok: true });
    expect(await authorizeCommand(production, commenter('admin', [], 'Release-Bot-Owner'))).toEqual({ ok: true });
  });
});
