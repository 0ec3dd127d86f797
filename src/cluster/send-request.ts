// One HTTP exchange with the API server named by a kubeconfig, with the
// kubeconfig's credentials (client certificates, tokens, exec plugins) applied
// by @kubernetes/client-node. Resolves for every HTTP status; rejects with a
// ClusterError only when no answer came (connection refused, TLS, timeout).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterError } from './cluster-error.js';

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

const MAX_BODY_BYTES = 64 * 1024 * 1024;
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

/**
 * client-node makes a new https.Agent for every request, so every request
 * would open a new TLS connection. One keep-alive agent per loaded kubeconfig
 * (same TLS options) reuses connections; proxy agents are left as they are.
 */
const sharedAgents = new WeakMap<KubeConfig, HttpsAgent>();

function sharedAgent(config: KubeConfig, fresh: RequestOptions['agent']): RequestOptions['agent'] {
  if (!(fresh instanceof HttpsAgent) || fresh.constructor !== HttpsAgent) return fresh;
  let agent = sharedAgents.get(config);
  if (!agent) {
    agent = new HttpsAgent({ ...fresh.options, keepAlive: true });
    sharedAgents.set(config, agent);
  }
  fresh.destroy();
  return agent;
}

export async function requestOptions(config: KubeConfig, req: HttpRequest): Promise<RequestOptions> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.contentType) headers['Content-Type'] = req.contentType;
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
  const options: RequestOptions = { method: req.method, headers, timeout: req.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  if (req.signal) options.signal = req.signal;
  await config.applyToHTTPSOptions(options);
  options.agent = sharedAgent(config, options.agent);
  return options;
}

export async function sendRequest(config: KubeConfig, req: HttpRequest): Promise<HttpResponse> {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new ClusterError('the kubeconfig context names no cluster server');
  const url = buildUrl(server, req);
  const options = await requestOptions(config, req);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const label = describeRequest(req);
  return new Promise<HttpResponse>((resolve, reject) => {
    const fail = (cause: unknown, what: string): void => {
      if (req.signal?.aborted) {
        reject(new ClusterError(`${label} to ${url.origin}: cancelled`, { request: label, reason: 'Aborted', cause }));
        return;
      }
      reject(new ClusterError(`${label} to ${url.origin}: ${what}`, { request: label, reason: 'Unreachable', cause }));
    };
    const outgoing = send(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) res.destroy(new Error(`response larger than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', (err) => fail(err, err.message));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeout} ms`)));
    outgoing.on('error', (err) => fail(err, err.message));
    outgoing.end(req.body);
  });
}
