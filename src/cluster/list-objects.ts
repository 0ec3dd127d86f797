// Reads every object of one kind (in one namespace, for namespaced kinds),
// page by page. List items carry no apiVersion/kind; they are filled in.
import { asKubeObject } from './as-kube-object.js';
import { ClusterError } from './cluster-error.js';
import type { ReadDeps, ReadOptions } from './get-object.js';
import type { KubeObject } from './kube-object.js';
import { apiVersionPath } from './resolve-resource.js';

export interface ListOptions extends ReadOptions {
  apiVersion: string;
  kind: string;
  /** For namespaced kinds; defaults to the client's default namespace. */
  namespace?: string;
  /** Objects per page (the server's `limit`). Default 500. */
  pageSize?: number;
  /** Only objects whose labels match, e.g. "applyset.kubernetes.io/part-of=applyset-...-v1". */
  labelSelector?: string;
  /** Namespaced kinds: across every namespace (`namespace` is then ignored). */
  allNamespaces?: boolean;
}

interface ListPage {
  items?: unknown;
  metadata?: { continue?: unknown; resourceVersion?: unknown };
}

/** The objects and the list's resourceVersion (where a watch starts). */
export interface VersionedList {
  items: KubeObject[];
  resourceVersion: string;
}

export async function listObjects(deps: ReadDeps, options: ListOptions): Promise<KubeObject[]> {
  return (await listVersioned(deps, options)).items;
}

export async function listVersioned(deps: ReadDeps, options: ListOptions): Promise<VersionedList> {
  const resource = await deps.resolve(options.apiVersion, options.kind);
  const scope = resource.namespaced && !options.allNamespaces ? `/namespaces/${encodeURIComponent(options.namespace ?? deps.defaultNamespace)}` : '';
  const path = `${apiVersionPath(options.apiVersion)}${scope}/${resource.name}`;
  const objects: KubeObject[] = [];
  let token: string | undefined;
  let resourceVersion = '';
  do {
    const query = { limit: String(options.pageSize ?? 500), continue: token, labelSelector: options.labelSelector };
    const page = (await deps.call({ method: 'GET', path, query, ...(options.signal ? { signal: options.signal } : {}) })) as ListPage | null;
    if (!Array.isArray(page?.items)) throw new ClusterError(`GET ${path}: the answer is not a list`, { request: `GET ${path}` });
    for (const item of page.items as Array<Record<string, unknown>>) {
      objects.push(asKubeObject({ ...item, apiVersion: options.apiVersion, kind: options.kind }, `GET ${path}`));
    }
    if (typeof page.metadata?.resourceVersion === 'string') resourceVersion = page.metadata.resourceVersion;
    const next = page.metadata?.continue;
    token = typeof next === 'string' && next !== '' ? next : undefined;
  } while (token !== undefined);
  return { items: objects, resourceVersion };
}
