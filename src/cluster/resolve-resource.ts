// Which REST resource serves a kind (plural name, namespaced or not), from the
// server's discovery document for the apiVersion. Cached per client; a miss is
// fetched once more, so a CRD installed meanwhile is found.
import { ClusterError } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';

export interface ApiResource {
  /** Plural resource name, e.g. "deployments". */
  name: string;
  kind: string;
  namespaced: boolean;
}

export type ResourceResolver = (apiVersion: string, kind: string) => Promise<ApiResource>;

export function apiVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

function readResources(body: unknown, request: string): ApiResource[] {
  const list = (body as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(list)) throw new ClusterError(`${request}: the answer is not an APIResourceList`, { request });
  return list.filter(
    (r): r is ApiResource =>
      typeof r?.name === 'string' && !r.name.includes('/') && typeof r.kind === 'string' && typeof r.namespaced === 'boolean',
  );
}

export function createResourceResolver(call: ApiCaller): ResourceResolver {
  const cache = new Map<string, Promise<ApiResource[]>>();
  const load = (apiVersion: string, fresh: boolean): Promise<ApiResource[]> => {
    const cached = cache.get(apiVersion);
    if (cached && !fresh) return cached;
    const path = apiVersionPath(apiVersion);
    const loading = call({ method: 'GET', path }).then((body) => readResources(body, `GET ${path}`));
    cache.set(apiVersion, loading);
    loading.catch(() => cache.delete(apiVersion));
    return loading;
  };
  return async (apiVersion, kind) => {
    const find = (list: ApiResource[]): ApiResource | undefined => list.find((r) => r.kind === kind);
    let found: ApiResource | undefined;
    try {
      found = find(await load(apiVersion, false)) ?? find(await load(apiVersion, true));
    } catch (err) {
      if (!(err instanceof ClusterError) || err.status !== 404) throw err;
    }
    if (found) return found;
    throw new ClusterError(
      `the server has no resource for kind ${kind} in ${apiVersion} (a CRD not installed, or a removed API version?)`,
      { reason: 'UnknownKind' },
    );
  };
}
