// /validate and /diff [ENV]: the validation pass again for the pull request's
// head (trigger "rerun": it runs even when this head was validated), then a
// link to the check run the command is about.
import type { RepoConfig } from '../../config/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import { VALIDATE_CHECK } from '../../pipeline/check-names.js';
import type { AppDeps } from '../app-deps.js';
import { validatePullRequest, type PassLog } from '../validate-pull-request.js';
import type { ValidationTarget } from '../validation-target.js';
import { done, refused, type CommandResult } from './command-result.js';

export interface RerunRequest {
  pullNumber: number;
  defaultBranch: string;
  /** /diff ENV: the environment whose diff run to link. */
  environment?: string;
  name: 'validate' | 'diff';
}

export async function rerunChecks(port: GitHubPort, config: RepoConfig, request: RerunRequest, deps: AppDeps, log: PassLog): Promise<CommandResult> {
  const { environment, name } = request;
  if (environment !== undefined && !config.environments.some((e) => e.name === environment)) {
    return refused(`\`${name} ${environment}\`: no environment "${environment}" in the config (known: ${config.environments.map((e) => e.name).join(', ')})`);
  }
  const pr = await port.getPullRequest(request.pullNumber);
  const target: ValidationTarget = {
    repo: port.repo,
    defaultBranch: request.defaultBranch,
    pullNumber: pr.number,
    baseRef: pr.baseRef,
    baseSha: pr.baseSha,
    headSha: pr.headSha,
    fromFork: pr.fromFork,
    trigger: 'rerun',
  };
  const key = `${port.repo.owner}/${port.repo.repo}@${pr.headSha}`;
  const outcome = await deps.queue.run(key, () => validatePullRequest(port, target, deps, log));
  if (outcome.status === 'failed') return refused(`\`${name}\`: the checks of ${pr.headSha.slice(0, 7)} could not run (the check runs say why)`);
  const runName = name === 'validate' ? VALIDATE_CHECK : diffRunName(environment);
  return done(`\`${name}\`: ran the checks of ${pr.headSha.slice(0, 7)} again${await linkTo(port, pr.headSha, runName)}`);
}

function diffRunName(environment: string | undefined): (name: string) => boolean {
  return (name) => (environment === undefined ? name.startsWith('kubegate/diff') : name === `kubegate/diff (${environment})`);
}

async function linkTo(port: GitHubPort, headSha: string, runName: string | ((name: string) => boolean)): Promise<string> {
  const matches = typeof runName === 'string' ? (n: string) => n === runName : runName;
  const runs = (await port.listCheckRuns(headSha, await port.appId())).filter((r) => matches(r.name));
  const links = runs.map((r) => (r.htmlUrl ? `[${r.name}](${r.htmlUrl}): ${r.conclusion ?? r.status}` : `${r.name}: ${r.conclusion ?? r.status}`));
  return links.length === 0 ? '' : `: ${links.join(', ')}`;
}
