// argocd mode against a local HTTP server that speaks the two documented
// Argo CD endpoints (GET /api/v1/applications/{name}, POST .../sync), with a
// Bearer token; the operation runs for two polls, then ends.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syncWithArgoCd } from '../../../src/sync/modes/sync-with-argocd.js';

interface FakeArgo {
  url: string;
  requests: string[];
  bodies: unknown[];
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

function startArgo(outcome: 'Succeeded' | 'Failed'): Promise<FakeArgo> {
  const requests: string[] = [];
  const bodies: unknown[] = [];
  let polls = 0;
  let operation: Record<string, unknown> = { phase: 'Succeeded', startedAt: '2024-01-01T00:00:00Z', message: 'an earlier sync' };
  const server: Server = createServer((req, res) => {
    void (async () => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const body = await readBody(req);
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== 'Bearer argo-token') return send(401, { error: 'invalid session', code: 16, message: 'invalid session: token is invalid' });
      if (!req.url?.startsWith('/api/v1/applications/shop')) return send(404, { error: 'not found', code: 5, message: 'applications.argoproj.io "x" not found' });
      if (req.method === 'POST') {
        bodies.push(JSON.parse(body));
        operation = { phase: 'Running', startedAt: new Date().toISOString(), message: 'one or more tasks are running' };
        polls = 0;
        return send(200, { metadata: { name: 'shop' }, operation: { sync: {} }, status: { operationState: operation } });
      }
      if (operation.phase === 'Running' && ++polls > 2) {
        operation = {
          ...operation,
          phase: outcome,
          message: outcome === 'Succeeded' ? 'successfully synced (all tasks run)' : 'one or more objects failed to apply',
          syncResult: {
            revision: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
            resources: [
              { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'web', status: outcome === 'Succeeded' ? 'Synced' : 'SyncFailed', message: outcome === 'Succeeded' ? 'deployment.apps/web configured' : 'Deployment.apps "web" is invalid' },
              { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'old', status: 'Pruned', message: 'pruned' },
            ],
          },
        };
      }
      return send(200, { metadata: { name: 'shop' }, status: { operationState: operation, health: { status: 'Healthy' }, sync: { status: 'Synced' } } });
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, requests, bodies, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

describe('argocd mode', () => {
  let argo: FakeArgo | undefined;
  afterEach(async () => argo?.close());

  const base = { environment: 'prod', cluster: 'prod-eu', application: 'shop', token: 'argo-token', revision: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85', prune: true, timeoutMs: 10_000, pollMs: 20 };

  test('POST sync with the Bearer token, then follows our operation (not the earlier one) to Succeeded', async () => {
    argo = await startArgo('Succeeded');
    const result = await syncWithArgoCd({ ...base, url: argo.url });
    expect(result).toMatchObject({ status: 'succeeded', mode: 'argocd', reason: 'Argo CD synced shop: 1 configured, 1 pruned' });
    expect(result.details).toEqual(['phase: Succeeded', 'revision: c4295bd74fb0f4fda03689c3df3f2803b658fd85', 'health: Healthy', 'message: successfully synced (all tasks run)']);
    expect(argo.requests.slice(0, 3)).toEqual(['GET /api/v1/applications/shop', 'POST /api/v1/applications/shop/sync', 'GET /api/v1/applications/shop']);
    expect(argo.bodies).toEqual([{ prune: true, revision: base.revision }]);
  });

  test('a Failed operation, a wrong token and a timeout are failed results with the reason', async () => {
    argo = await startArgo('Failed');
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
