// A local HTTP server speaking the Argo CD endpoints kubegate uses, for one
// Application "shop": GET /api/v1/applications/shop, POST .../sync and
// POST .../rollback, with a Bearer token. An operation runs for two polls,
// then ends with the outcome asked for. The Application can have auto-sync
// on (then Argo CD refuses a rollback, as the real one does) and a history.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ARGO_TOKEN = 'argo-token';

export interface ArgoStandInOptions {
  outcome?: 'Succeeded' | 'Failed';
  /** spec.syncPolicy.automated is set. */
  autoSync?: boolean;
  /** status.history, oldest first. */
  history?: Array<{ id: number | string; revision: string }>;
}

export interface ArgoStandIn {
  url: string;
  /** "METHOD /path" of every request. */
  requests: string[];
  /** The JSON bodies of the POSTs. */
  bodies: unknown[];
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

function resources(outcome: 'Succeeded' | 'Failed') {
  return [
    { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'web', status: outcome === 'Succeeded' ? 'Synced' : 'SyncFailed', message: outcome === 'Succeeded' ? 'deployment.apps/web configured' : 'Deployment.apps "web" is invalid' },
    { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'old', status: 'Pruned', message: 'pruned' },
  ];
}

export function startArgo(options: ArgoStandInOptions = {}): Promise<ArgoStandIn> {
  const outcome = options.outcome ?? 'Succeeded';
  const history = options.history ?? [];
  const requests: string[] = [];
  const bodies: unknown[] = [];
  let polls = 0;
  let revision = '';
  let operation: Record<string, unknown> = { phase: 'Succeeded', startedAt: '2024-01-01T00:00:00Z', message: 'an earlier sync' };
  const spec = { syncPolicy: options.autoSync ? { automated: { prune: true, selfHeal: true } } : {} };
  const server: Server = createServer((req, res) => {
    void (async () => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const body = await readBody(req);
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers.authorization !== `Bearer ${ARGO_TOKEN}`) return send(401, { error: 'invalid session', code: 16, message: 'invalid session: token is invalid' });
      if (!req.url?.startsWith('/api/v1/applications/shop')) return send(404, { error: 'not found', code: 5, message: 'applications.argoproj.io "x" not found' });
      if (req.method === 'POST') {
        const asked = JSON.parse(body) as { id?: number | string; revision?: string };
        bodies.push(asked);
        if (req.url.startsWith('/api/v1/applications/shop/rollback')) {
          if (options.autoSync) return send(400, { error: 'rollback cannot be initiated when auto-sync is enabled', code: 9, message: 'rollback cannot be initiated when auto-sync is enabled' });
          const entry = history.find((h) => String(h.id) === String(asked.id));
          if (!entry) return send(400, { error: 'not found', code: 3, message: `application shop does not have deployment with id ${String(asked.id)}` });
          revision = entry.revision;
        } else {
          revision = asked.revision ?? '';
        }
        operation = { phase: 'Running', startedAt: new Date().toISOString(), message: 'one or more tasks are running' };
        polls = 0;
        return send(200, { metadata: { name: 'shop' }, spec, status: { operationState: operation } });
      }
      if (operation.phase === 'Running' && ++polls > 2) {
        operation = {
          ...operation,
          phase: outcome,
          message: outcome === 'Succeeded' ? 'successfully synced (all tasks run)' : 'one or more objects failed to apply',
          syncResult: { revision, resources: resources(outcome) },
        };
      }
      return send(200, { metadata: { name: 'shop' }, spec, status: { operationState: operation, history, health: { status: 'Healthy' }, sync: { status: 'Synced' } } });
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, requests, bodies, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
