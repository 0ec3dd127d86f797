// HTTP/2 to the API server (what kubectl uses): every request of a client
// goes over one TLS connection as its own stream, which costs both sides
// less CPU than a pool of HTTP/1.1 connections (one handshake, no per-socket
// bookkeeping). The protocol is chosen by ALPN on the first connection; a
// server (or a proxy in front of it) that answers HTTP/1.1 is remembered, and
// send() then returns undefined so the caller uses HTTP/1.1.
import { connect as connectHttp2, constants, type ClientHttp2Session } from 'node:http2';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { collectBody } from '../read-body.js';
import type { HttpResponse } from '../send-request.js';

export interface Http2Request {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Http2Client {
  /** The answer; undefined when the server speaks only HTTP/1.1. Rejects when no answer came. */
  send(request: Http2Request): Promise<HttpResponse | undefined>;
}

/** Opens one session; null when ALPN did not pick h2. */
function openSession(origin: URL, tls: ConnectionOptions, timeoutMs: number): Promise<ClientHttp2Session | null> {
  return new Promise((resolve, reject) => {
    const socket = connectTls({
      ...tls,
      host: origin.hostname.replace(/^\[|\]$/g, ''),
      port: Number(origin.port || 443),
      ALPNProtocols: ['h2', 'http/1.1'],
    });
    // A server that takes the connection but never completes TLS must not hold requests forever.
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no TLS connection within ${timeoutMs} ms`)));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      socket.off('error', reject);
      if (socket.alpnProtocol !== 'h2') {
        socket.destroy();
        resolve(null);
        return;
      }
      resolve(connectHttp2(origin, { createConnection: () => socket }));
    });
  });
}

export function createHttp2Client(tls: ConnectionOptions): Http2Client {
  let http1Only = false;
  let current: Promise<ClientHttp2Session | null> | undefined;
  let active = 0;

  const session = (origin: URL, timeoutMs: number): Promise<ClientHttp2Session | null> => {
    if (current) return current;
    const opening = openSession(origin, tls, timeoutMs).then((s) => {
      if (!s) http1Only = true;
      s?.unref(); // an idle session must not keep the process alive
      const forget = (): void => {
        if (current === opening) current = undefined;
      };
      s?.on('goaway', forget).on('close', forget).on('error', forget);
      return s;
    });
    current = opening;
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };

  const exchange = (s: ClientHttp2Session, request: Http2Request): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      const headers = { ':method': request.method, ':path': `${request.url.pathname}${request.url.search}`, ...lowercase(request.headers) };
      const stream = s.request(headers, { endStream: request.body === undefined, ...(request.signal ? { signal: request.signal } : {}) });
      if (active++ === 0) s.ref();
      let settled = false;
      const fail = (err: Error): void => {
        if (!settled) reject(err);
        settled = true;
      };
      stream.setTimeout(request.timeoutMs, () => {
        fail(new Error(`no answer within ${request.timeoutMs} ms`));
        stream.close(constants.NGHTTP2_CANCEL);
      });
      stream.once('error', fail);
      stream.once('response', (head) => {
        const status = Number(head[':status'] ?? 0);
        collectBody(stream, (body) => {
          settled = true;
          resolve({ status, headers: head, body }); // pseudo-headers (:status) included; readers look up names
        }, fail);
      });
      stream.once('close', () => {
        if (--active === 0 && !s.destroyed) s.unref();
        fail(new Error(`the stream closed before the answer (HTTP/2 code ${stream.rstCode ?? 0})`));
      });
      if (request.body !== undefined) stream.end(request.body);
    });

  return {
    async send(request) {
      if (http1Only) return undefined;
      let s = await untilCancelled(session(request.url, request.timeoutMs), request.signal);
      if (s && (s.closed || s.destroyed)) {
        current = undefined;
        s = await untilCancelled(session(request.url, request.timeoutMs), request.signal);
      }
      return s ? exchange(s, request) : undefined;
    },
  };
}

/** `work`, unless `signal` aborts first (the connection being opened is shared, so it is not ended). */
function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function lowercase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
