// The /rollback scenario on top of the sync scenario: environment "apps" has
// successful Deployments of BASE_SHA and then MERGE_SHA (it runs the merge
// commit), the commenter may write, and GitHub serves what the revert pull
// request needs (both commits' trees, master at MERGE_SHA, the git writes).
import { fakeGitData, fakeGitWrites, fakeIssueComments, type GitWritesFake, type IssueCommentsFake, type Tree } from '../../harness/github/index.js';
import { fakeChatOps } from './chatops-scenario.js';
import { BASE_SHA, MERGE_SHA, OWNER, REPO, startSyncScenario, type SyncScenario, type SyncScenarioOptions } from './sync-scenario.js';

export interface RollbackScenario extends SyncScenario {
  comments: IssueCommentsFake;
  writes: GitWritesFake;
  /** "COMMENT_ID content" of each reaction. */
  reactions: string[];
}

export async function startRollbackScenario(options: Omit<SyncScenarioOptions, 'trees'> & { base: Tree; merged: Tree }): Promise<RollbackScenario> {
  const { base, merged, ...rest } = options;
  const scenario = await startSyncScenario({ ...rest, trees: { [BASE_SHA]: base, [MERGE_SHA]: merged } });
  const { harness, deployments } = scenario;
  const success = { state: 'success', description: 'synced', log_url: 'https://github.com/Codertocat/Hello-World/runs/1' };
  deployments.seed({ sha: BASE_SHA, environment: 'apps', statuses: [success] });
  deployments.seed({ sha: MERGE_SHA, environment: 'apps', statuses: [success] });
  const reactions = fakeChatOps(harness.github, 'write');
  const comments = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
  const withConfig = (tree: Tree): Tree => ({ ...tree, '.github/kubegate.yml': options.config });
  fakeGitData(harness.github, { owner: OWNER, repo: REPO, trees: { [BASE_SHA]: withConfig(base), [MERGE_SHA]: withConfig(merged) } });
  const writes = fakeGitWrites(harness.github, { owner: OWNER, repo: REPO, branches: { master: MERGE_SHA } });
  return { ...scenario, comments, writes, reactions };
}
