// ChatOps for one pull-request comment, as steps: config from the default
// branch -> parse -> eyes reaction -> each command (authorized, then run) ->
// one reply -> rocket or confused. The step loop is the error boundary: a
// command that cannot finish still gets a reply saying why.
import type { Commenter } from '../../chatops/authorize-command.js';
import { DEFAULT_PREFIX, parseCommands } from '../../chatops/parse-commands.js';
import type { GitHubPort } from '../../github/github-port.js';
import { readRepoConfig } from '../../github/read-repo-config.js';
import type { AppDeps } from '../app-deps.js';
import type { PassLog } from '../validate-pull-request.js';
import type { CommentRequest } from './comment-payload.js';
import { refused, type CommandResult } from './command-result.js';
import { runCommand } from './run-command.js';

/** A comment with more commands than this runs the first ones only. */
const MAX_COMMANDS = 5;

export type ChatOpsOutcome = { status: 'ignored'; reason: string } | { status: 'answered'; ok: boolean };

export async function handleCommandComment(port: GitHubPort, request: CommentRequest, defaultBranch: string, deps: AppDeps, log: PassLog): Promise<ChatOpsOutcome> {
  // 1. The rules and the prefix, from the default branch only.
  const loaded = await readRepoConfig(port, defaultBranch, deps.loadRepoConfig);
  const prefix = (loaded.ok ? loaded.config.chatops?.prefix : undefined) ?? DEFAULT_PREFIX;
  // 2. The commands; a comment without any is not for kubegate.
  const commands = parseCommands(request.body, prefix).slice(0, MAX_COMMANDS);
  if (commands.length === 0) return { status: 'ignored', reason: 'no command in the comment' };
  // 3. Seen. Reactions are acknowledgements only: one that fails (GitHub
  //    answering 5xx, a stand-in without reactions) is logged, the command runs.
  const react = (content: 'eyes' | 'rocket' | 'confused'): Promise<void> => bestEffort(() => port.addCommentReaction(request.commentId, content), log);
  await react('eyes');
  // 4. Each command, authorized against the commenter's role (asked once).
  const results: CommandResult[] = [];
  if (!loaded.ok) {
    results.push(refused(`the config on ${defaultBranch} is not valid (${loaded.problems.map((p) => `${p.file}${p.path}: ${p.message}`).join('; ')}); kubegate runs no command until it is fixed`));
  } else {
    const commenter = once(async (): Promise<Commenter> => ({
      login: request.login,
      permission: await port.collaboratorPermission(request.login),
      inTeams: (teams) => inAnyTeam(port, teams, request.login),
    }));
    const ctx = { port, config: loaded.config, prefix, pullNumber: request.pullNumber, defaultBranch, repoUrl: request.repoUrl, commenter, deps, log };
    for (const command of commands) results.push(await runSafely(() => runCommand(command, ctx), command.line, log));
  }
  // 5. The reply, then the outcome as a reaction.
  const ok = results.every((r) => r.ok);
  await port.createIssueComment(request.pullNumber, replyBody(request.login, results));
  await react(ok ? 'rocket' : 'confused');
  return { status: 'answered', ok };
}

async function bestEffort(action: () => Promise<void>, log: PassLog): Promise<void> {
  try {
    await action();
  } catch (error: unknown) {
    log.warn(`kubegate: ${error instanceof Error ? error.message : String(error)}; the command goes on without it`);
  }
}

async function runSafely(run: () => Promise<CommandResult>, line: string, log: PassLog): Promise<CommandResult> {
  try {
    return await run();
  } catch (error: unknown) {
    log.error({ err: error }, `kubegate: command "${line}" failed`);
    const reason = error instanceof Error ? error.message : String(error);
    return refused(`\`${line}\` could not finish: ${reason}. Comment the command again to retry.`);
  }
}

function replyBody(login: string, results: readonly CommandResult[]): string {
  return [`@${login}`, ...results.map((r) => `${r.ok ? '✅' : '❌'} ${r.text}`)].join('\n\n');
}

async function inAnyTeam(port: GitHubPort, teams: readonly string[], login: string): Promise<boolean> {
  for (const team of teams) {
    const [org, slug] = team.includes('/') ? team.split('/', 2) : [port.repo.owner, team];
    if (org && slug && (await port.isTeamMember(org, slug, login))) return true;
  }
  return false;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}
