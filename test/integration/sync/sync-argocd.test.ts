// argocd mode against the local Argo CD stand-in (argocd-stand-in.ts): a sync
// is asked with the Bearer token and followed to its end; a rollback (ChatOps
// /rollback) goes to the history entry of the target commit, and is not asked
// when auto-sync is on or the commit is not in the history.
import { rollbackWithArgoCd } from '../../../src/sync/modes/rollback-with-argocd.js';
import { syncWithArgoCd } from '../../../src/sync/modes/sync-with-argocd.js';
import { ARGO_TOKEN, startArgo, type ArgoStandIn } from './argocd-stand-in.js';

const TARGET = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
const NEWER = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

describe('argocd mode', () => {
  let argo: ArgoStandIn | undefined;
  afterEach(async () => argo?.close());

  const base = { environment: 'prod', cluster: 'prod-eu', application: 'shop', token: ARGO_TOKEN, revision: TARGET, prune: true, timeoutMs: 10_000, pollMs: 20 };

  test('POST sync with the Bearer token, then follows our operation (not the earlier one) to Succeeded', async () => {
    argo = await startArgo({ outcome: 'Succeeded' });
    const result = await syncWithArgoCd({ ...base, url: argo.url });
    expect(result).toMatchObject({ status: 'succeeded', mode: 'argocd', reason: 'Argo CD synced shop: 1 configured, 1 pruned' });
    expect(result.details).toEqual(['phase: Succeeded', `revision: ${TARGET}`, 'health: Healthy', 'message: successfully synced (all tasks run)']);
    expect(argo.requests.slice(0, 3)).toEqual(['GET /api/v1/applications/shop', 'POST /api/v1/applications/shop/sync', 'GET /api/v1/applications/shop']);
    expect(argo.bodies).toEqual([{ prune: true, revision: base.revision }]);
  });

  test('a Failed operation, a wrong token and a timeout are failed results with the reason', async () => {
    argo = await startArgo({ outcome: 'Failed' });
    expect(await syncWithArgoCd({ ...base, url: argo.url })).toMatchObject({
      status: 'failed',
      reason: 'Argo CD sync of shop ended Failed: one or more objects failed to apply',
      objects: [expect.objectContaining({ action: 'failed', message: 'Deployment.apps "web" is invalid' }), expect.objectContaining({ action: 'pruned' })],
    });
    expect(await syncWithArgoCd({ ...base, url: argo.url, token: 'wrong' })).toMatchObject({
      status: 'failed',
      reason: 'Argo CD: GET application shop: HTTP 401: invalid session: token is invalid',
    });
    expect(await syncWithArgoCd({ ...base, url: argo.url, timeoutMs: 30, pollMs: 20 })).toMatchObject({
      status: 'failed',
      reason: 'Argo CD did not finish syncing shop within 0 s (phase Running)',
    });
  });
});

describe('argocd rollback', () => {
  let argo: ArgoStandIn | undefined;
  afterEach(async () => argo?.close());

  const base = { environment: 'prod', cluster: 'prod-eu', application: 'shop', token: ARGO_TOKEN, revision: TARGET, prune: false, timeoutMs: 10_000, pollMs: 20 };
  const history = [
    { id: 3, revision: TARGET },
    { id: 4, revision: NEWER },
  ];

  test('auto-sync off: POST rollback with the id of the target revision, followed to Succeeded', async () => {
    argo = await startArgo({ history });
    const result = await rollbackWithArgoCd({ ...base, url: argo.url });
    expect(result).toMatchObject({ status: 'succeeded', mode: 'argocd', reason: 'Argo CD rolled back shop: 1 configured, 1 pruned' });
    expect(result.details).toContain(`revision: ${TARGET}`);
    expect(result.rollbackSkipped).toBeUndefined();
    expect(argo.requests.slice(0, 3)).toEqual(['GET /api/v1/applications/shop', 'POST /api/v1/applications/shop/rollback', 'GET /api/v1/applications/shop']);
    expect(argo.bodies).toEqual([{ id: 3, prune: false }]);
  });

  test('a rollback Argo CD reports Failed is a failed result', async () => {
    argo = await startArgo({ history, outcome: 'Failed' });
    expect(await rollbackWithArgoCd({ ...base, url: argo.url, appNamespace: 'argocd' })).toMatchObject({ status: 'failed', reason: 'Argo CD rollback of shop ended Failed: one or more objects failed to apply' });
    expect(argo.requests[1]).toBe('POST /api/v1/applications/shop/rollback?appNamespace=argocd');
    expect(argo.bodies).toEqual([{ id: 3, prune: false, appNamespace: 'argocd' }]);
  });

  test('auto-sync on: nothing is asked, the result says so', async () => {
    argo = await startArgo({ history, autoSync: true });
    expect(await rollbackWithArgoCd({ ...base, url: argo.url })).toMatchObject({
      status: 'refused',
      rollbackSkipped: 'auto-sync',
      reason: 'Argo CD application shop has auto-sync on, so it follows Git and refuses a rollback',
    });
    expect(argo.requests).toEqual(['GET /api/v1/applications/shop']);
  });

  test('a revision not in the history: nothing is asked, the result names what Argo CD remembers', async () => {
    argo = await startArgo({ history: [{ id: '4', revision: NEWER }] });
    expect(await rollbackWithArgoCd({ ...base, url: argo.url })).toMatchObject({
      status: 'refused',
      rollbackSkipped: 'not-in-history',
      reason: `Argo CD application shop has no deployment of ${TARGET.slice(0, 7)} in its history (it remembers ${NEWER.slice(0, 7)})`,
    });
    expect(argo.requests).toEqual(['GET /api/v1/applications/shop']);
  });
});
