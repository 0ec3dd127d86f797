// A plain HTTP server on 127.0.0.1 (a free port) for a fake that a separate
// process talks to. Requests reach `answer` in the shape nock hands to an
// interceptor's reply function: lower-case headers as strings, and a JSON body
// parsed when the request says it is JSON, else the raw text ('' for none).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface LoopbackServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveOnLoopback(answer: (request: LoopbackRequest) => Promise<WireReply>): Promise<LoopbackServer> {
  const server = createServer((req, res) => void respond(req, res, answer));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of the client would hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function respond(req: IncomingMessage, res: ServerResponse, answer: (request: LoopbackRequest) => Promise<WireReply>): Promise<void> {
  let reply: WireReply;
  try {
    const headers = flattenHeaders(req);
    const text = await readText(req);
    reply = await answer({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body: parseBody(text, headers) });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    reply = { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: `the fake failed: ${message}` }) };
  }
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Like nock: JSON when the content type says so and it is not content-encoded; otherwise the text. */
function parseBody(text: string, headers: Record<string, string>): unknown {
  const json = /^application\/(.+\+)?json\b/i.test(headers['content-type'] ?? '');
  if (!text || !json || headers['content-encoding']) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
