// One parsed command: help and unknown commands answer with the help text;
// the others are authorized against the default-branch rules, then run.
import { authorizeCommand, type Commenter } from '../../chatops/authorize-command.js';
import { helpText } from '../../chatops/help-text.js';
import { resolveCommandRule } from '../../chatops/resolve-command-rule.js';
import type { ChatCommand } from '../../chatops/types.js';
import type { RepoConfig } from '../../config/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import type { AppDeps } from '../app-deps.js';
import type { PassLog } from '../validate-pull-request.js';
import { done, refused, type CommandResult } from './command-result.js';
import { rerunChecks } from './rerun-checks.js';
import { preMergeSync } from './presync/pre-merge-sync.js';
import { retrySync } from './retry-sync.js';
import { rollbackEnvironment } from './rollback/rollback-environment.js';

export interface CommandContext {
  port: GitHubPort;
  config: RepoConfig;
  prefix: string;
  pullNumber: number;
  defaultBranch: string;
  repoUrl: string;
  commenter: () => Promise<Commenter>;
  deps: AppDeps;
  log: PassLog;
}

export async function runCommand(command: ChatCommand, ctx: CommandContext): Promise<CommandResult> {
  if (command.kind === 'unknown') return refused(helpText(ctx.prefix, command.reason));
  const { name, environment } = command;
  if (name === 'help') return done(helpText(ctx.prefix));
  const commenter = await ctx.commenter();
  const allowed = await authorizeCommand(resolveCommandRule(ctx.config.chatops, name, environment), commenter);
  if (!allowed.ok) return refused(`\`${name}${environment ? ` ${environment}` : ''}\` refused: ${allowed.reason}`);
  const { port, config, deps, log } = ctx;
  const request = { pullNumber: ctx.pullNumber, defaultBranch: ctx.defaultBranch, ...(environment === undefined ? {} : { environment }) };
  switch (name) {
    case 'validate':
    case 'diff':
      return rerunChecks(port, config, { ...request, name }, deps, log);
    case 'sync': {
      const pr = await port.pullRequestState(ctx.pullNumber);
      if (pr.state === 'open') return preMergeSync(port, config, pr, { ...request, repoUrl: ctx.repoUrl }, deps);
      return retrySync(port, pr, { ...request, repoUrl: ctx.repoUrl }, deps, log);
    }
    case 'rollback':
      return rollbackEnvironment(port, config, { ...request, ...(command.sha ? { sha: command.sha } : {}), login: commenter.login, repoUrl: ctx.repoUrl }, deps);
  }
}
