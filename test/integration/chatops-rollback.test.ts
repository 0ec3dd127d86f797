// /rollback end to end: Probot receives the derived issue_comment payload,
// GitHub is the harness's FakeGitHub (every request, the revert pull request's
// git data and pulls calls included, checked against GitHub's OpenAPI
// description), and the cluster is the local control plane. Environment
// "apps" runs the merge commit; its previous successful Deployment is the base.
import { COMMENT_ID, commentPayload } from '../e2e/support/chatops-scenario.js';
import { startRollbackScenario, type RollbackScenario } from '../e2e/support/rollback-scenario.js';
import { BASE_SHA, configText, MERGE_SHA, webApp } from '../e2e/support/sync-scenario.js';
import { gitBlobSha } from '../harness/github/index.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { syncText } from './sync/sync-helpers.js';

const extra = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: extra, namespace: ${ns}}
data: {added: "in the merge"}
`;

describe('chatops /rollback (GitHub harness + local control plane)', () => {
  let scenario: RollbackScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('re-applies the previous successful deployment, records it, and opens the revert pull request', async () => {
    const ns = await freshNamespace('chatops-rollback');
    const base = webApp(ns, 'nginx:1.26');
    const merged = { ...webApp(ns, 'nginx:1.27', ', world'), 'apps/extra.yaml': extra(ns) };
    // The cluster runs the merge commit (an earlier sync of environment "apps").
    const before = await syncText(Object.values(merged).map(String).join('---\n'), { namespace: ns, environment: 'apps' });
    expect(before.status).toBe('succeeded');

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
});
