// The adapter's HTTP/2 transport against scripted TLS servers on loopback
// (certificates of the harness's throwaway PKI): a lost connection is retried
// on a new connection, GOAWAY moves later requests to a new connection, a
// server that offers only HTTP/1.1 gets HTTP/1.1, and timeouts and
// cancellation end a request that gets no answer.
import { once } from 'node:events';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureServer, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ClusterError, createClusterClient } from '../../src/cluster/index.js';
import { kubeconfigPath } from '../setup/cluster-env.js';

/** The harness's PKI (test/cluster/paths.mjs): its server certificate names 127.0.0.1. */
const pki = (file: string): Buffer => readFileSync(join(dirname(kubeconfigPath()), 'pki', file));
const version = JSON.stringify({ gitVersion: 'v1.33.13', major: '1', minor: '33' });

function kubeconfigFor(port: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'kubegate-h2-'));
  writeFileSync(join(folder, 'ca.crt'), pki('ca.crt'));
  const file = join(folder, 'kubeconfig');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'scripted', cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority': 'ca.crt' } }],
      users: [{ name: 'u', user: { token: 'scripted-token' } }],
      contexts: [{ name: 'scripted', context: { cluster: 'scripted', user: 'u' } }],
      'current-context': 'scripted',
    }),
  );
  return file;
}

type StreamHandler = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => void;

const answer: StreamHandler = (stream) => {
  stream.respond({ ':status': 200, 'content-type': 'application/json' });
  stream.end(version);
};

interface ScriptedServer {
  port: number;
  sessions: () => number;
  seen: IncomingHttpHeaders[];
  close: () => void;
}

/** Each stream gets the next handler (then plain answers). */
async function http2Server(handlers: StreamHandler[]): Promise<ScriptedServer> {
  const server = createSecureServer({ cert: pki('apiserver.crt'), key: pki('apiserver.key'), allowHTTP1: false });
  const sessions: ServerHttp2Session[] = [];
  const seen: IncomingHttpHeaders[] = [];
  server.on('session', (session) => sessions.push(session));
  server.on('stream', (stream, headers) => {
    seen.push(headers);
    (handlers.shift() ?? answer)(stream, headers);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const close = (): void => {
    for (const session of sessions) session.destroy();
    server.close();
  };
  return { port: (server.address() as AddressInfo).port, sessions: () => sessions.length, seen, close };
}
const retry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

describe('HTTP/2 transport', () => {
  test('a connection lost mid-request is retried on a new connection, with the credentials', async () => {
    const { port, sessions, seen, close } = await http2Server([(stream) => stream.session?.destroy(), answer]);
    try {
      const client = createClusterClient({ kubeconfigPath: kubeconfigFor(port), retry });
      expect((await client.version()).gitVersion).toBe('v1.33.13');
      expect(sessions()).toBe(2);
      expect(seen.map((h) => [h[':path'], h.authorization])).toEqual([
        ['/version', 'Bearer scripted-token'],
        ['/version', 'Bearer scripted-token'],
      ]);
    } finally {
      close();
    }
  });

  test('after GOAWAY the next request opens a new connection', async () => {
    const goAway: StreamHandler = (stream) => {
      answer(stream, {});
      stream.session?.goaway();
    };
    const { port, sessions, close } = await http2Server([goAway, answer]);
    try {
      const client = createClusterClient({ kubeconfigPath: kubeconfigFor(port), retry });
      await client.version();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await client.version()).gitVersion).toBe('v1.33.13');
      expect(sessions()).toBe(2);
    } finally {
      close();
    }
  });

  test('no answer: the request times out (then cancellation ends it early)', async () => {
    const silent: StreamHandler = () => undefined;
    const { port, close } = await http2Server([silent, silent]);
    try {
      const client = createClusterClient({ kubeconfigPath: kubeconfigFor(port), retry: { attempts: 1 }, timeoutMs: 200 });
      await expect(client.version()).rejects.toMatchObject({ reason: 'Unreachable', message: expect.stringContaining('no answer within 200 ms') });
      const cancelled = client.version({ signal: AbortSignal.timeout(100) });
      await expect(cancelled).rejects.toBeInstanceOf(ClusterError);
      await expect(cancelled).rejects.toMatchObject({ reason: 'Aborted' });
    } finally {
      close();
    }
  });
});

describe('a server that takes the connection and never answers TLS', () => {
  test('the request times out, or ends when cancelled', async () => {
    const sockets: Socket[] = [];
    const server = createNetServer((socket) => sockets.push(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const client = createClusterClient({ kubeconfigPath: kubeconfigFor((server.address() as AddressInfo).port), retry: { attempts: 1 }, timeoutMs: 200 });
      await expect(client.version()).rejects.toMatchObject({ reason: 'Unreachable', message: expect.stringContaining('no TLS connection within 200 ms') });
      const slow = createClusterClient({ kubeconfigPath: kubeconfigFor((server.address() as AddressInfo).port), retry: { attempts: 1 } });
      await expect(slow.version({ signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ reason: 'Aborted' });
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});

describe('a server that offers only HTTP/1.1', () => {
  test('gets HTTP/1.1 (ALPN), with the same credentials', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const server = createHttpsServer({ cert: pki('apiserver.crt'), key: pki('apiserver.key') }, (req, res) => {
      seen.push([req.httpVersion, req.headers.authorization]);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(version);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const client = createClusterClient({ kubeconfigPath: kubeconfigFor((server.address() as AddressInfo).port), retry });
      await client.version();
      await client.version();
      expect(seen).toEqual([
        ['1.1', 'Bearer scripted-token'],
        ['1.1', 'Bearer scripted-token'],
      ]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
