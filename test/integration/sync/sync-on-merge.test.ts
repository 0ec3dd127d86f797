// The sync on merge end to end: Probot receives the recorded merged
// pull_request.closed payload, GitHub is the FakeGitHub of the harness (every
// request checked against GitHub's OpenAPI description), and the cluster is
// the local control plane. The merge was approved on its last commit, so the
// environment ends in the merged state: the changed Deployment and ConfigMap
// applied, the object removed from Git pruned, drift taken back (and reported
// as a difference from the preview), the ApplySet visible to kubectl, and the
// Deployment, its statuses and the check runs recorded.
import { APPLYSET_PART_OF_LABEL, applySetParent } from '../../../src/sync/index.js';
import { approvedBy, BASE_SHA, configText, MERGE_SHA, payloads, startSyncScenario, webApp, type SyncScenario } from '../../e2e/support/sync-scenario.js';
import { clusterClient, eventually, freshNamespace, kubeconfigPath } from '../../setup/cluster-env.js';
import { hasKubectl, kubectl, syncText } from './sync-helpers.js';

const extra = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: extra, namespace: ${ns}}
data: {mode: steady}
`;
const old = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata: {name: old, namespace: ${ns}}
data: {gone: soon}
`;

describe('sync on merge (GitHub harness + local control plane)', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('an approved merge brings the environment to the merged state and records it', async () => {
    const ns = await freshNamespace('sync-merge');
    const base = { ...webApp(ns, 'nginx:1.26'), 'apps/extra.yaml': extra(ns), 'apps/old.yaml': old(ns) };
    const merged = { ...webApp(ns, 'nginx:1.27', ', world'), 'apps/extra.yaml': extra(ns) };
    // The cluster is at the base commit (an earlier sync of environment "apps"), then drifts.
    const before = await syncText(Object.values(base).map(String).join('---\n'), { namespace: ns, environment: 'apps' });
    expect(before.status).toBe('succeeded');
    await clusterClient({ fieldManager: 'kubectl-edit' }).apply({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra', namespace: ns }, data: { mode: 'hotfix' } }, force: true });

    scenario = await startSyncScenario({
      config: configText({ namespace: ns, sync: '{mode: apply, prune: true, waitForRollout: false}' }),
      trees: { [BASE_SHA]: base, [MERGE_SHA]: merged },
      reviews: [approvedBy('hubot')],
      settings: { clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['Codertocat/*'], leaseNamespace: ns } } },
    });
    const { harness, checkRuns, deployments } = scenario;
    await harness.deliver('pull_request', payloads.merged);

    // The cluster is in the merged state.
    const client = clusterClient();
    const web = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns });
    expect(JSON.stringify(web.spec)).toContain('nginx:1.27');
    const settings = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web-settings', namespace: ns });
    expect(settings['data']).toEqual({ greeting: 'hello, world' });
    expect((await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'extra', namespace: ns }))['data']).toEqual({ mode: 'steady' });
    expect(await client.find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'old', namespace: ns })).toBeNull();

    // The records.
    // (kubegate/drift (apps) joins them once the watch that every apply-mode sync starts has reported: below.)
    expect(checkRuns.runs.filter((r) => !r.name.startsWith('kubegate/drift')).map((r) => `${r.name} ${r.head_sha.slice(0, 7)} ${r.conclusion ?? ''}`)).toEqual([
      `kubegate/approval ${MERGE_SHA.slice(0, 7)} success`,
      `kubegate/sync (apps) ${MERGE_SHA.slice(0, 7)} success`,
    ]);
    const sync = checkRuns.named('kubegate/sync (apps)')[0];
    expect(sync?.output.title).toBe('synced: 3 configured, 1 pruned');
    expect(sync?.output.summary).toContain('| Deployment ' + ns + '/web (`apps/web.yaml:1`) | configured |');
    expect(sync?.output.summary).toContain(`| ConfigMap ${ns}/old | pruned |`);
    expect(sync?.output.summary).toContain(`- ConfigMap ${ns}/extra was configured, but the pull request did not change it`);
    expect(deployments.deployments).toEqual([
      expect.objectContaining({
        sha: MERGE_SHA,
        environment: 'apps',
        auto_merge: false,
        required_contexts: [],
        payload: { kubegate: { mode: 'apply', cluster: 'local' } },
        statuses: [
          expect.objectContaining({ state: 'in_progress', log_url: expect.stringMatching(/^https:\/\/github\.com\//) }),
          expect.objectContaining({ state: 'success', description: '3 configured, 1 pruned' }),
        ],
      }),
    ]);
    // Drift detection watches the synced environment by default (no drift section in the config).
    await eventually('the drift report', () => checkRuns.named('kubegate/drift (apps)', MERGE_SHA)[0]?.conclusion === 'success');
    expect(checkRuns.named('kubegate/drift (apps)', MERGE_SHA)[0]?.output.summary).toBe(`Environment **apps** at ${MERGE_SHA.slice(0, 12)}: in sync (3 objects).`);
    harness.assertDone();

    // The ApplySet is kubectl's kind of ApplySet.
    if (hasKubectl) {
      const id = applySetParent('apps', ns).id;
      const members = kubectl(['get', 'deployments,configmaps', '-n', ns, '-l', `${APPLYSET_PART_OF_LABEL}=${id}`, '-o', 'name']);
      expect(members.stdout.trim().split('\n').sort()).toEqual(['configmap/extra', 'configmap/web-settings', 'deployment.apps/web']);
    }
  });
});
