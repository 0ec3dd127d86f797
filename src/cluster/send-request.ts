// One HTTP exchange with the API server of a ClusterAccess, with its
// credentials: over HTTP/2 when the access offers it and the server speaks it,
// else over the access's HTTP/1.1 keep-alive pool. Resolves for every HTTP status; rejects with a
// ClusterError only when no answer came (connection refused, TLS, timeout).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { AuthorizedOptions, ClusterAccess } from './cluster-access.js';
import { ClusterError } from './cluster-error.js';
import { collectBody } from './read-body.js';

export interface HttpRequest {
  method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
  /** API path without the server's own prefix, e.g. "/api/v1/namespaces". */
  path: string;
  query?: Record<string, string | undefined>;
  body?: string;
  contentType?: string;
  timeoutMs?: number;
  /** Ends the request (and its retries) early, e.g. when a time budget runs out. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function describeRequest(req: HttpRequest): string {
  return `${req.method} ${req.path}`;
}

export function buildUrl(server: string, req: HttpRequest): URL {
  const url = new URL(server);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${req.path}`;
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

export async function requestOptions(access: ClusterAccess, req: HttpRequest): Promise<AuthorizedOptions> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.contentType) headers['Content-Type'] = req.contentType;
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  const options: AuthorizedOptions = { method: req.method, headers, timeout: req.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  if (req.signal) options.signal = req.signal;
  await access.authorize(options);
  return options;
}

function sendHttp1(url: URL, options: RequestOptions, body: string | undefined): Promise<HttpResponse> {
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    const outgoing = send(url, options, (res) => {
      collectBody(res, (text) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }), reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeout} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function exchange(access: ClusterAccess, url: URL, req: HttpRequest, options: AuthorizedOptions): Promise<HttpResponse> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const over2 = await access.http2?.send({ url, method: req.method, headers: options.headers, timeoutMs, ...optionalBody(req) });
  return over2 ?? sendHttp1(url, options, req.body);
}

function optionalBody(req: HttpRequest): { body?: string; signal?: AbortSignal } {
  return { ...(req.body === undefined ? {} : { body: req.body }), ...(req.signal ? { signal: req.signal } : {}) };
}

export async function sendRequest(access: ClusterAccess, req: HttpRequest): Promise<HttpResponse> {
  const url = buildUrl(access.server, req);
  const label = describeRequest(req);
  // Credentials first, outside the connection handling: a failing credential plugin is not a lost connection to retry.
  const options = await requestOptions(access, req);
  try {
    return await exchange(access, url, req, options);
  } catch (cause) {
    if (cause instanceof ClusterError) throw cause;
    const what = cause instanceof Error ? cause.message : String(cause);
    if (req.signal?.aborted) throw new ClusterError(`${label} to ${url.origin}: cancelled`, { request: label, reason: 'Aborted', cause });
    throw new ClusterError(`${label} to ${url.origin}: ${what}`, { request: label, reason: 'Unreachable', cause });
  }
}
