// /sync ENV on an open pull request end to end: Probot receives the derived
// issue_comment payloads, GitHub is the harness's FakeGitHub, and the cluster
// is the local control plane. #2's head is applied to "apps" before merge and
// holds it; #3's /sync is refused naming #2; closing #2 releases the hold.
import { jest } from '@jest/globals';
import { leaseName } from '../../src/sync/lease/environment-lease.js';
import { HELD_BY_ANNOTATION } from '../../src/sync/lease/environment-hold.js';
import { COMMENT_ID, commentPayload, fakeChatOps } from '../e2e/support/chatops-scenario.js';
import { fakeHeadState } from '../e2e/support/head-state.js';
import { fakeOpenPull } from '../e2e/support/open-pull.js';
import { approvedBy, BASE_SHA, configText, OWNER, payloads, PR_HEAD_SHA, REPO, startSyncScenario, webApp, type SyncScenario } from '../e2e/support/sync-scenario.js';
import { fakeIssueComments, isObject, type JsonObject } from '../harness/github/index.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';

jest.setTimeout(120_000);

const OTHER_HEAD = '3333333333333333333333333333333333333333';
const GREEN = ['kubegate/validate', 'kubegate/policy', 'kubegate/diff (apps)'];

function onPull(number: number, body: string): JsonObject {
  const payload = commentPayload(body);
  const issue = payload['issue'];
  if (isObject(issue)) issue['number'] = number;
  return payload;
}

function closedUnmerged(): JsonObject {
  const payload = structuredClone(payloads.merged);
  const pr = payload['pull_request'];
  if (isObject(pr)) Object.assign(pr, { merged: false, merged_at: null, merge_commit_sha: null });
  return payload;
}

describe('chatops /sync ENV before merge (GitHub harness + local control plane)', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('applies the head and holds ENV; another pull request is refused naming the holder; closing the holder releases it', async () => {
    const ns = await freshNamespace('chatops-presync');
    scenario = await startSyncScenario({
      config: configText({ namespace: ns, sync: '{mode: apply, prune: true, waitForRollout: false, allowPreMerge: true}' }),
      trees: { [BASE_SHA]: webApp(ns, 'nginx:1.26'), [PR_HEAD_SHA]: webApp(ns, 'nginx:1.27', ', pre-merge') },
      reviews: [approvedBy('hubot')],
      otherReviews: { 3: [approvedBy('hubot', OTHER_HEAD)] },
      settings: { clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['Codertocat/*'], leaseNamespace: ns } } },
    });
    const { harness, deployments, checkRuns } = scenario;
    for (const head of [PR_HEAD_SHA, OTHER_HEAD]) for (const name of GREEN) checkRuns.seed({ name, head_sha: head, status: 'completed', conclusion: 'success' });
    const reactions = fakeChatOps(harness.github, 'write');
    const comments2 = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
    const comments3 = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 3, appId: harness.appId });
    fakeOpenPull(harness.github, { mergeable: true, mergeableState: 'clean' });
    fakeHeadState(harness.github, { statuses: { 'ci/jenkins': 'success' } });
    fakeHeadState(harness.github, { headSha: OTHER_HEAD });
    fakeOpenPull(harness.github, { mergeable: true, mergeableState: 'clean', number: 3, headSha: OTHER_HEAD });
    const client = clusterClient();
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: leaseName('apps'), namespace: ns };

    // 1. #2's head is applied and recorded as a Deployment of the head; apps is held for #2.
    await harness.deliver('issue_comment', commentPayload('/sync apps'));
    const web = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns });
    expect(JSON.stringify(web.spec)).toContain('nginx:1.27');
    expect((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-settings', namespace: ns }))['data']).toEqual({ greeting: 'hello, pre-merge' });
    expect(deployments.deployments).toEqual([
      expect.objectContaining({ sha: PR_HEAD_SHA, environment: 'apps', description: 'pre-merge sync of #2', statuses: [expect.objectContaining({ state: 'in_progress' }), expect.objectContaining({ state: 'success' })] }),
    ]);
    expect(harness.github.requestsOf('repos/create-deployment')[0]?.body).toMatchObject({ ref: PR_HEAD_SHA, environment: 'apps', transient_environment: false });
    expect((await client.get(lease)).metadata.annotations?.[HELD_BY_ANNOTATION]).toBe('Codertocat/Hello-World#2');
    expect(comments2.comments[0]?.body).toBe(
      `@Codertocat\n\n✅ \`sync apps\`: head \`${PR_HEAD_SHA.slice(0, 7)}\` of #2 applied to apps before merge; apps is held for #2 until it is merged or closed ([deployments](https://github.com/Codertocat/Hello-World/deployments), [checks](https://github.com/Codertocat/Hello-World/pull/2/checks))`,
    );

    // 2. The holder may sync again; another pull request may not.
    await harness.deliver('issue_comment', onPull(3, '/sync apps'));
    expect(comments3.comments[0]?.body).toBe(
      '@Codertocat\n\n❌ `sync apps` before merge refused: apps is held by [Codertocat/Hello-World#2](https://github.com/Codertocat/Hello-World/pull/2) until it is merged or closed',
    );
    expect(deployments.deployments).toHaveLength(1);
    await harness.deliver('issue_comment', commentPayload('/sync apps'));
    expect(comments2.comments[1]?.body).toContain('✅ `sync apps`: head');
    expect(deployments.deployments).toHaveLength(2);
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`, `${COMMENT_ID} eyes`, `${COMMENT_ID} confused`, `${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);

    // 3. #2 closed: the hold is gone, the Lease stays.
    await harness.deliver('pull_request', closedUnmerged());
    const released = await client.get(lease);
    expect(released.metadata.annotations?.[HELD_BY_ANNOTATION]).toBeUndefined();
    harness.assertDone();
  });
});
