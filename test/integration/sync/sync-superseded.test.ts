// The sync on merge of a commit older than the one the environment already
// runs (another replica synced a newer merge first): Probot receives the
// recorded merged payload, GitHub is the harness's FakeGitHub (the compare
// that places the two commits is checked against GitHub's OpenAPI
// description), the cluster is the local control plane. The older commit is
// not applied: its kubegate/sync (ENV) is neutral and its Deployment
// inactive. A recorded commit on another line of history (diverged, e.g. a
// pre-merge head), or one GitHub does not know, does not stop the merge.
import { fakeCompare } from '../../e2e/support/compare.js';
import { approvedBy, BASE_SHA, configText, MERGE_SHA, OWNER, payloads, REPO, startSyncScenario, webApp, type SyncScenario } from '../../e2e/support/sync-scenario.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../../setup/cluster-env.js';
import { syncText } from './sync-helpers.js';

const NEWER_SHA = '4444444444444444444444444444444444444444';

describe('sync on merge of an older commit (GitHub harness + local control plane)', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  async function start(ns: string): Promise<SyncScenario> {
    // The cluster already runs a newer commit, synced by another replica.
    const newer = await syncText(Object.values(webApp(ns, 'nginx:1.28')).map(String).join('---\n'), {
      namespace: ns,
      environment: 'apps',
      record: { repository: `${OWNER}/${REPO}`, revision: NEWER_SHA, installationId: 1 },
    });
    expect(newer.status).toBe('succeeded');
    scenario = await startSyncScenario({
      config: configText({ namespace: ns, sync: '{mode: apply, waitForRollout: false}' }),
      trees: { [BASE_SHA]: webApp(ns, 'nginx:1.26'), [MERGE_SHA]: webApp(ns, 'nginx:1.27') },
      reviews: [approvedBy('hubot')],
      settings: { clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['Codertocat/*'], leaseNamespace: ns } } },
    });
    return scenario;
  }

  const image = async (ns: string): Promise<string> => JSON.stringify((await clusterClient().get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns })).spec);

  test('a merge older than the deployed commit ends as superseded: nothing applied, a neutral check run, an inactive Deployment', async () => {
    const ns = await freshNamespace('sync-superseded');
    const { harness, checkRuns, deployments } = await start(ns);
    // GitHub: the merge commit is behind the deployed one (its ancestor).
    fakeCompare(harness.github, { [`${NEWER_SHA}...${MERGE_SHA}`]: { aheadBy: 0, behindBy: 3 } }, { times: 1 });
    await harness.deliver('pull_request', payloads.merged);

    expect(await image(ns)).toContain('nginx:1.28');
    const run = checkRuns.named('kubegate/sync (apps)', MERGE_SHA)[0];
    expect(run).toMatchObject({ conclusion: 'neutral', output: { title: `superseded by ${NEWER_SHA.slice(0, 7)}` } });
    expect(run?.output.summary).toBe(`Environment **apps** already runs \`${NEWER_SHA.slice(0, 7)}\`, a newer commit that includes this one (another replica synced it first), so this older commit is not applied.`);
    expect(deployments.deployments).toEqual([
      expect.objectContaining({
        sha: MERGE_SHA,
        environment: 'apps',
        statuses: [expect.objectContaining({ state: 'in_progress' }), expect.objectContaining({ state: 'inactive', description: `superseded by ${NEWER_SHA.slice(0, 7)}` })],
      }),
    ]);
    const parent = await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-apps', namespace: ns });
    expect(parent.metadata.annotations?.['kubegate.dev/revision']).toBe(NEWER_SHA);
    harness.assertDone();
  });

  test('a recorded commit GitHub does not know (404, e.g. removed by a force push) does not stop the merge', async () => {
    const ns = await freshNamespace('sync-unknown');
    const { harness, checkRuns } = await start(ns);
    harness.github.on('GET /repos/{owner}/{repo}/compare/{basehead}', () => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits' } }), {
      times: 1,
      match: (r) => r.params['basehead'] === `${NEWER_SHA}...${MERGE_SHA}`,
    });
    await harness.deliver('pull_request', payloads.merged);

    expect(await image(ns)).toContain('nginx:1.27');
    expect(checkRuns.named('kubegate/sync (apps)', MERGE_SHA)[0]).toMatchObject({ conclusion: 'success' });
    harness.assertDone();
  });

  test('a recorded commit on another line of history (diverged) does not stop the merge', async () => {
    const ns = await freshNamespace('sync-diverged');
    const { harness, checkRuns } = await start(ns);
    fakeCompare(harness.github, { [`${NEWER_SHA}...${MERGE_SHA}`]: { aheadBy: 2, behindBy: 1 } }, { times: 1 });
    await harness.deliver('pull_request', payloads.merged);

    expect(await image(ns)).toContain('nginx:1.27');
    expect(checkRuns.named('kubegate/sync (apps)', MERGE_SHA)[0]).toMatchObject({ conclusion: 'success' });
    harness.assertDone();
  });
});
