// /rollback of an argocd environment end to end: Probot receives the derived
// issue_comment payload, GitHub is the harness's FakeGitHub (every request
// checked against GitHub's OpenAPI description), and Argo CD is the local
// stand-in of the sync tests. Environment "apps" runs the merge commit; its
// previous successful Deployment is the base. With auto-sync off Argo CD rolls
// back to the base's history entry (recorded as a Deployment); with auto-sync
// on, or the base no longer in Argo CD's history, only the revert pull
// request is opened, and the reply says why.
import { createSyncExecutor } from '../../src/sync/create-sync-executor.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { ARGO_TOKEN, startArgo, type ArgoStandIn, type ArgoStandInOptions } from '../integration/sync/argocd-stand-in.js';
import { COMMENT_ID, commentPayload } from './support/chatops-scenario.js';
import { startRollbackScenario, type RollbackScenario } from './support/rollback-scenario.js';
import { BASE_SHA, configText, MERGE_SHA, webApp } from './support/sync-scenario.js';

const base = webApp('shop', 'nginx:1.26');
const merged = webApp('shop', 'nginx:1.27', ', world');
const config = configText({ namespace: 'shop', sync: '{mode: argocd, prune: true, argocd: {application: shop}}' });
const short = (sha: string): string => sha.slice(0, 7);
const DEPLOYMENTS = 'https://github.com/Codertocat/Hello-World/deployments';

interface Run extends RollbackScenario {
  argo: ArgoStandIn;
}

async function start(argoOptions: ArgoStandInOptions): Promise<Run> {
  const argo = await startArgo(argoOptions);
  const settingsDocument = { clusters: { local: { kubeconfig: '/nowhere/kubeconfig', repositories: ['Codertocat/*'], argocd: { url: argo.url, tokenEnv: 'ARGOCD_TOKEN' } } } };
  const executor = createSyncExecutor(parseAppSettings(settingsDocument, 'test settings', process.cwd()), { env: { ARGOCD_TOKEN: ARGO_TOKEN } });
  const scenario = await startRollbackScenario({ config, base, merged, settings: settingsDocument, deps: { syncExecutor: () => executor } });
  return { ...scenario, argo };
}

const history = [
  { id: 7, revision: BASE_SHA },
  { id: 8, revision: MERGE_SHA },
];

describe('chatops /rollback of an argocd environment', () => {
  let run: Run | undefined;
  afterEach(async () => {
    run?.harness.stop();
    await run?.argo.close();
  });

  test("auto-sync off: Argo CD's rollback to the base's history entry, recorded as a Deployment, plus the revert pull request", async () => {
    run = await start({ history });
    const { harness, argo, deployments, checkRuns, comments, writes, reactions } = run;
    await harness.deliver('issue_comment', commentPayload('/rollback apps'));

    expect(argo.requests.slice(0, 2)).toEqual(['GET /api/v1/applications/shop', 'POST /api/v1/applications/shop/rollback']);
    expect(argo.bodies).toEqual([{ id: 7, prune: true }]);
    expect(deployments.deployments).toHaveLength(3);
    expect(deployments.deployments[2]).toMatchObject({
      sha: BASE_SHA,
      environment: 'apps',
      description: `kubegate Argo CD rollback to ${short(BASE_SHA)}`,
      statuses: [expect.objectContaining({ state: 'in_progress' }), expect.objectContaining({ state: 'success', description: 'Argo CD rolled back shop: 1 configured, 1 pruned' })],
    });
    expect(checkRuns.named('kubegate/sync (apps)', BASE_SHA)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
    expect(writes.pulls).toHaveLength(1);
    expect(comments.comments[0]?.body).toBe(
      `@Codertocat\n\n✅ \`rollback apps\` to \`${short(BASE_SHA)}\` (from \`${short(MERGE_SHA)}\`): apps rolled back by Argo CD to \`${short(BASE_SHA)}\` ([deployments](${DEPLOYMENTS})); revert pull request [#101](https://github.com/Codertocat/Hello-World/pull/101)`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    harness.assertDone();
  });

  test('auto-sync on: Argo CD is not asked to roll back; the reply says the revert pull request is the rollback', async () => {
    run = await start({ history, autoSync: true });
    const { harness, argo, deployments, comments, writes, reactions } = run;
    await harness.deliver('issue_comment', commentPayload('/rollback apps'));

    expect(argo.requests).toEqual(['GET /api/v1/applications/shop']);
    expect(deployments.deployments).toHaveLength(2);
    expect(writes.pulls).toHaveLength(1);
    expect(comments.comments[0]?.body).toBe(
      `@Codertocat\n\n✅ \`rollback apps\` to \`${short(BASE_SHA)}\` (from \`${short(MERGE_SHA)}\`): Argo CD application shop has auto-sync on, so it follows Git and refuses a rollback: the revert pull request is the rollback (Argo CD syncs apps once it is merged); revert pull request [#101](https://github.com/Codertocat/Hello-World/pull/101)`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    harness.assertDone();
  });

  test("the base no longer in Argo CD's history: no rollback asked, the revert pull request opened, the command marked as not done", async () => {
    run = await start({ history: [{ id: 8, revision: MERGE_SHA }] });
    const { harness, argo, deployments, comments, writes, reactions } = run;
    await harness.deliver('issue_comment', commentPayload('/rollback apps'));

    expect(argo.requests).toEqual(['GET /api/v1/applications/shop']);
    expect(deployments.deployments).toHaveLength(2);
    expect(writes.pulls).toHaveLength(1);
    expect(comments.comments[0]?.body).toContain(
      `apps could not be rolled back by Argo CD now: Argo CD application shop has no deployment of ${short(BASE_SHA)} in its history (it remembers ${short(MERGE_SHA)}); the revert pull request is the rollback; revert pull request [#101]`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    harness.assertDone();
  });
});
