// /rollback end to end: Probot receives the derived issue_comment payload,
// GitHub is the harness's FakeGitHub (every request, the revert pull request's
// git data and pulls calls included, checked against GitHub's OpenAPI
// description), and the cluster is the local control plane. Environment
// "apps" runs the merge commit; its previous successful Deployment is the base.
// Drift detection watches the re-applied revision from then on, so self-heal
// keeps the rollback instead of undoing it.
import { COMMENT_ID, commentPayload } from '../e2e/support/chatops-scenario.js';
import { startRollbackScenario, type RollbackScenario } from '../e2e/support/rollback-scenario.js';
import { approvedBy, BASE_SHA, configText, MERGE_SHA, payloads, webApp } from '../e2e/support/sync-scenario.js';
import { gitBlobSha, type Tree } from '../harness/github/index.js';
import { clusterClient, eventually, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { hasKubectl, kubectl, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

const extra = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: extra, namespace: ${ns}}
data: {added: "in the merge"}
`;

/**
 * A fresh namespace whose environment "apps" runs the merge commit (an earlier
 * sync), recorded on its ApplySet parent as a merge's sync does; the base and
 * merged trees of the scenario.
 */
async function clusterAtMerge(prefix: string): Promise<{ ns: string; base: Tree; merged: Tree }> {
  const ns = await freshNamespace(prefix);
  const merged = { ...webApp(ns, 'nginx:1.27', ', world'), 'apps/extra.yaml': extra(ns) };
  const before = await syncText(Object.values(merged).map(String).join('---\n'), { namespace: ns, environment: 'apps', record: { repository: 'Codertocat/Hello-World', revision: MERGE_SHA } });
  expect(before.status).toBe('succeeded');
  return { ns, base: webApp(ns, 'nginx:1.26'), merged };
}

describe('chatops /rollback (GitHub harness + local control plane)', () => {
  let scenario: RollbackScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('re-applies the previous successful deployment, records it, and opens the revert pull request', async () => {
    // The rollback applies the older base on purpose, without asking GitHub whether it is older.
    const { ns, base, merged } = await clusterAtMerge('chatops-rollback');

    const config = configText({ namespace: ns, sync: '{mode: apply, prune: true, waitForRollout: false}' });
    scenario = await startRollbackScenario({
      config,
      base,
      merged,
      settings: { clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['Codertocat/*'], leaseNamespace: ns } } },
    });
    const { harness, deployments, reactions, comments, writes } = scenario;

    await harness.deliver('issue_comment', commentPayload('/rollback apps'));

    // The cluster is back at the base: the image, the setting, and the object added since pruned.
    const client = clusterClient();
    const web = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns });
    expect(JSON.stringify(web.spec)).toContain('nginx:1.26');
    expect((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-settings', namespace: ns }))['data']).toEqual({ greeting: 'hello' });
    expect(await client.find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'extra', namespace: ns })).toBeNull();

    // Recorded as a new Deployment of the base.
    expect(deployments.deployments).toHaveLength(3);
    expect(deployments.deployments[2]).toMatchObject({ sha: BASE_SHA, environment: 'apps', statuses: [expect.objectContaining({ state: 'in_progress' }), expect.objectContaining({ state: 'success' })] });

    // The revert pull request: a tree on master's tree restoring the environment's files.
    expect(writes.trees[0]?.['tree']).toEqual([
      { path: 'apps/extra.yaml', mode: '100644', type: 'blob', sha: null },
      { path: 'apps/settings.yaml', mode: '100644', type: 'blob', sha: gitBlobSha(Buffer.from(String(base['apps/settings.yaml']))) },
      { path: 'apps/web.yaml', mode: '100644', type: 'blob', sha: gitBlobSha(Buffer.from(String(base['apps/web.yaml']))) },
    ]);
    expect(writes.commits[0]).toMatchObject({ parents: [MERGE_SHA], message: expect.stringContaining(`Roll back apps to ${BASE_SHA.slice(0, 7)}`) });
    expect(String(writes.refs[0]?.['ref'])).toMatch(new RegExp(`^refs/heads/kubegate/rollback-apps-${BASE_SHA.slice(0, 7)}-`));
    expect(writes.pulls[0]).toMatchObject({ base: 'master', head: String(writes.refs[0]?.['ref']).replace('refs/heads/', ''), title: `Roll back apps to ${BASE_SHA.slice(0, 7)}` });

    // The reply links both.
    expect(comments.comments[0]?.body).toBe(
      `@Codertocat\n\n✅ \`rollback apps\` to \`${BASE_SHA.slice(0, 7)}\` (from \`${MERGE_SHA.slice(0, 7)}\`): apps re-applied at \`${BASE_SHA.slice(0, 7)}\` ([deployments](https://github.com/Codertocat/Hello-World/deployments)); revert pull request [#101](https://github.com/Codertocat/Hello-World/pull/101)`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    harness.assertDone();
  });

  testWithKubectl('with selfHeal on, the environment stays rolled back: drift compares with the re-applied revision and heals toward it', async () => {
    const { ns, base, merged } = await clusterAtMerge('chatops-rollback-heal');

    const config = `${configText({ namespace: ns, sync: '{mode: apply, prune: true, waitForRollout: false}' })}    drift: {selfHeal: true}\n`;
    scenario = await startRollbackScenario({
      config,
      base,
      merged,
      reviews: [approvedBy('hubot')],
      settings: { clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['Codertocat/*'], leaseNamespace: ns } } },
    });
    const { harness, deployments, checkRuns } = scenario;
    const client = clusterClient();
    const driftSummary = (): string => checkRuns.named('kubegate/drift (apps)', MERGE_SHA)[0]?.output.summary ?? '';

    // 1. The merge event (deployed already) has the merge commit watched: in sync, on the head.
    await harness.deliver('pull_request', payloads.merged);
    await eventually('the drift report of the merge commit', () => driftSummary().startsWith(`Environment **apps** at ${MERGE_SHA.slice(0, 12)}: in sync (3 objects)`));

    // 2. /rollback re-applies the base (pruning "extra"); the watcher moves to the base.
    await harness.deliver('issue_comment', commentPayload('/rollback apps'));
    expect(await client.find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'extra', namespace: ns })).toBeNull();
    await eventually('the drift report of the rolled-back revision', () => driftSummary().startsWith(`Environment **apps** at ${BASE_SHA.slice(0, 12)}: in sync (2 objects)`));
    // Long past the watcher's 500 ms debounce: nothing was healed back to the merge commit.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await client.find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'extra', namespace: ns })).toBeNull();
    expect(JSON.stringify((await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns })).spec)).toContain('nginx:1.26');
    expect(deployments.deployments.map((d) => `${d.sha.slice(0, 7)} ${String(d.description ?? '')}`)).toEqual([
      `${BASE_SHA.slice(0, 7)} `,
      `${MERGE_SHA.slice(0, 7)} `,
      expect.stringMatching(new RegExp(`^${BASE_SHA.slice(0, 7)} `)),
    ]);
    expect(driftSummary()).toMatch(/in sync \(2 objects\)\.$/);

    // 3. A change by hand is healed toward the rolled-back revision, recorded as a Deployment of it.
    expect(kubectl(['patch', 'configmap/web-settings', '-n', ns, '--type=merge', '-p', '{"data":{"greeting":"by hand"}}']).status).toBe(0);
    await eventually('the self-heal', async () => ((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-settings', namespace: ns }))['data'] as Record<string, string>)['greeting'] === 'hello');
    await eventually('the self-heal Deployment', () => deployments.deployments.length === 4);
    await eventually('the self-heal Deployment status', () => deployments.deployments[3]?.statuses.length === 1);
    expect(deployments.deployments[3]).toMatchObject({
      sha: BASE_SHA,
      environment: 'apps',
      description: 'kubegate self-heal: re-applied 1 drifted objects',
      // The status links to the drift report that led to the heal (the check run's page).
      statuses: [expect.objectContaining({ state: 'success', log_url: expect.stringMatching(/^https:\/\/github\.com\/.+\/runs\//) })],
    });
    harness.assertDone();
  });
});
