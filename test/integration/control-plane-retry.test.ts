// The adapter's transport against a scripted loopback server: retries of
// 429/5xx and lost connections, Status errors, bounded attempts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterError, createClusterClient } from '../../src/cluster/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let handlers: Handler[];
let seen: string[];

function kubeconfigFor(port: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubegate-retry-')), 'kubeconfig');
  writeFileSync(
    file,
    [
      'apiVersion: v1', 'kind: Config',
      'clusters:', '- name: fake', '  cluster:', `    server: http://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
      'users:', '- name: fake', '  user:', '    token: fake-token',
      'contexts:', '- name: fake', '  context:', '    cluster: fake', '    user: fake',
      'current-context: fake', '',
    ].join('\n'),
  );
  return file;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

const dropConnection: Handler = (req) => req.socket.destroy();
const version = { gitVersion: 'v1.33.13', major: '1', minor: '33' };
const status = (code: number, reason: string, message: string) => ({ kind: 'Status', status: 'Failure', code, reason, message });

function client() {
  const port = (server.address() as AddressInfo).port;
  return createClusterClient({ kubeconfigPath: kubeconfigFor(port), retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
}

beforeEach(async () => {
  handlers = [];
  seen = [];
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    const next = handlers.shift();
    if (next) next(req, res);
    else json(500, status(500, 'InternalError', 'no scripted answer left'))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('retries 429 and 503, then succeeds, sending the kubeconfig token', async () => {
  handlers.push(json(429, status(429, 'TooManyRequests', 'slow down'), { 'Retry-After': '0' }));
  handlers.push(json(503, status(503, 'ServiceUnavailable', 'starting')));
  handlers.push(json(200, version));
  await expect(client().version()).resolves.toMatchObject({ gitVersion: 'v1.33.13' });
  expect(seen).toEqual(Array(3).fill('GET /version Bearer fake-token'));
});

test('retries a dropped connection', async () => {
  handlers.push(dropConnection, json(200, version));
  await expect(client().version()).resolves.toMatchObject({ gitVersion: 'v1.33.13' });
  expect(seen).toHaveLength(2);
});

test('gives up after the configured attempts with the last Status', async () => {
  handlers.push(...Array(3).fill(json(503, status(503, 'ServiceUnavailable', 'etcd is down'))));
  const failure = await client().version().catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(ClusterError);
  expect(failure).toMatchObject({ status: 503, reason: 'ServiceUnavailable', serverMessage: 'etcd is down', request: 'GET /version' });
  expect(seen).toHaveLength(3);
});

test('does not retry a 4xx answer', async () => {
  handlers.push(json(403, status(403, 'Forbidden', 'user "x" cannot get path "/version"')));
  await expect(client().version()).rejects.toMatchObject({ status: 403, reason: 'Forbidden' });
  expect(seen).toHaveLength(1);
});

test('a missing kubeconfig context is a ClusterError naming the contexts', () => {
  const port = (server.address() as AddressInfo).port;
  expect(() => createClusterClient({ kubeconfigPath: kubeconfigFor(port), context: 'prod' })).toThrow(
    /has no context "prod" \(it has: fake\)/,
  );
});
