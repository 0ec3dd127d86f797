// A watch of one kind (in one namespace) from a resourceVersion: the server
// streams one JSON event per line until timeoutSeconds, a disconnect or the
// signal. Resolves "gone" when the resourceVersion expired (410: re-list),
// "ended" when the stream closed; rejects with a ClusterError when no stream
// came (unreachable, refused).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { asKubeObject } from './as-kube-object.js';
import type { ClusterAccess } from './cluster-access.js';
import { ClusterError } from './cluster-error.js';
import type { KubeObject } from './kube-object.js';
import type { ListOptions } from './list-objects.js';
import type { ResourceResolver } from './resolve-resource.js';
import { apiVersionPath } from './resolve-resource.js';
import { buildUrl, requestOptions } from './send-request.js';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: KubeObject;
}

export interface WatchOptions extends Omit<ListOptions, 'pageSize'> {
  resourceVersion: string;
  /** The server closes the stream after this long (default 300). */
  timeoutSeconds?: number;
  onEvent: (event: WatchEvent) => void;
}

export type WatchEnd = 'gone' | 'ended';

export interface WatchDeps {
  access: ClusterAccess;
  resolve: ResourceResolver;
  defaultNamespace: string;
}

interface RawEvent {
  type?: unknown;
  object?: { code?: unknown; metadata?: unknown } & Record<string, unknown>;
}

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

/** Handles one line; true when the server said the resourceVersion is gone. */
function handleLine(line: string, options: WatchOptions, label: string): boolean {
  if (line.trim() === '') return false;
  const event = JSON.parse(line) as RawEvent;
  if (event.type === 'ERROR') {
    if (event.object?.code === 410) return true;
    throw new ClusterError(`${label}: watch error ${JSON.stringify(event.object ?? {})}`, { request: label });
  }
  if (typeof event.type !== 'string' || !EVENT_TYPES.has(event.type) || !event.object) return false;
  const object = asKubeObject({ ...event.object, apiVersion: options.apiVersion, kind: options.kind }, label);
  options.onEvent({ type: event.type as WatchEvent['type'], object });
  return false;
}

export async function watchObjects(deps: WatchDeps, options: WatchOptions): Promise<WatchEnd> {
  const resource = await deps.resolve(options.apiVersion, options.kind);
  const scope = resource.namespaced ? `/namespaces/${encodeURIComponent(options.namespace ?? deps.defaultNamespace)}` : '';
  const timeoutSeconds = options.timeoutSeconds ?? 300;
  const query = { watch: '1', allowWatchBookmarks: 'true', resourceVersion: options.resourceVersion, timeoutSeconds: String(timeoutSeconds), labelSelector: options.labelSelector };
  const req = { method: 'GET' as const, path: `${apiVersionPath(options.apiVersion)}${scope}/${resource.name}`, query, timeoutMs: (timeoutSeconds + 30) * 1000, ...(options.signal ? { signal: options.signal } : {}) };
  const url = buildUrl(deps.access.server, req);
  const httpOptions = await requestOptions(deps.access, req);
  const label = `WATCH ${req.path}`;
  return new Promise<WatchEnd>((resolve, reject) => {
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const outgoing = send(url, httpOptions, (res) => {
      if (res.statusCode === 410) {
        res.resume();
        resolve('gone');
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new ClusterError(`${label}: HTTP ${res.statusCode ?? 0}`, { request: label, status: res.statusCode ?? 0 }));
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let newline = buffer.indexOf('\n');
        try {
          while (newline >= 0) {
            const gone = handleLine(buffer.slice(0, newline), options, label);
            buffer = buffer.slice(newline + 1);
            if (gone) {
              res.destroy();
              resolve('gone');
              return;
            }
            newline = buffer.indexOf('\n');
          }
        } catch (err: unknown) {
          res.destroy();
          reject(err instanceof ClusterError ? err : new ClusterError(`${label}: unreadable event`, { request: label, cause: err }));
        }
      });
      res.on('end', () => resolve('ended'));
      res.on('error', () => resolve('ended'));
      res.on('close', () => resolve('ended'));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('watch idle too long')));
    outgoing.on('error', (err) => (options.signal?.aborted ? resolve('ended') : reject(new ClusterError(`${label} to ${url.origin}: ${err.message}`, { request: label, reason: 'Unreachable', cause: err }))));
    outgoing.end();
  });
}
