// /sync on a merged pull request: the sync pass of its merge commit again,
// through Probot with the recorded payloads (sync.mode none: recorded only,
// so no cluster is needed). GitHub is the harness's FakeGitHub.
import { jest } from '@jest/globals';
import { fakeIssueComments, isObject, type FakeGitHub } from '../harness/github/index.js';
import { COMMENT_ID, commentPayload, fakeChatOps } from './support/chatops-scenario.js';
import { approvedBy, BASE_SHA, configText, MERGE_SHA, OWNER, REPO, startSyncScenario, webApp, type SyncScenario } from './support/sync-scenario.js';

jest.setTimeout(30_000);

function fakeMergedPull(github: FakeGitHub): void {
  github.on('GET /repos/{owner}/{repo}/pulls/{pull_number}', () => {
    const body = github.example('pull-request');
    const base = isObject(body['base']) ? body['base'] : {};
    Object.assign(body, { number: 2, state: 'closed', merged: true, merged_at: '2024-05-15T16:00:00Z', merge_commit_sha: MERGE_SHA, requested_teams: [], base: { ...base, ref: 'master', sha: BASE_SHA } });
    return { status: 200, body };
  });
}

describe('chatops: /sync on a merged pull request', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('retries the sync of the merge commit: a Deployment is recorded and the reply links the deployments', async () => {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: '{mode: none}' }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [MERGE_SHA]: webApp('shop', 'nginx:1.27') },
      reviews: [approvedBy('hubot')],
    });
    const { harness, deployments } = scenario;
    const reactions = fakeChatOps(harness.github, 'write');
    const comments = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
    fakeMergedPull(harness.github);
    await harness.deliver('issue_comment', commentPayload('/sync apps'));
    expect(deployments.deployments).toEqual([expect.objectContaining({ sha: MERGE_SHA, environment: 'apps' })]);
    expect(comments.comments[0]?.body).toBe(
      `@Codertocat\n\n✅ \`sync\`: merge commit ${MERGE_SHA.slice(0, 7)}: apps synced ([deployments](https://github.com/Codertocat/Hello-World/deployments))`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    harness.assertDone();
  });

  test('/rollback without an earlier successful deployment is refused with the reason; nothing is written', async () => {
    scenario = await startSyncScenario({ config: configText({ namespace: 'shop', sync: '{mode: none}' }), trees: {} });
    const { harness, deployments } = scenario;
    deployments.seed({ sha: MERGE_SHA, environment: 'apps', statuses: [{ state: 'success', description: 'synced', log_url: 'https://github.com/Codertocat/Hello-World/runs/1' }] });
    deployments.seed({ sha: BASE_SHA, environment: 'apps', statuses: [{ state: 'failure', description: 'failed', log_url: 'https://github.com/Codertocat/Hello-World/runs/2' }] });
    const reactions = fakeChatOps(harness.github, 'admin');
    const comments = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
    await harness.deliver('issue_comment', commentPayload('/rollback'));
    expect(comments.comments[0]?.body).toBe(`@Codertocat\n\n❌ \`rollback apps\`: apps has no earlier successful deployment than ${MERGE_SHA.slice(0, 7)}`);
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    expect(deployments.deployments).toHaveLength(2);
    harness.assertDone();
  });
});
