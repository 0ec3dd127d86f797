// Server-side apply of one object: PATCH with application/apply-patch+yaml
// (JSON is YAML), one field manager, optional dryRun=All for previews, so the
// preview and the sync are the same call.
import { asKubeObject } from './as-kube-object.js';
import { ClusterError } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';
import type { KubeObject } from './kube-object.js';
import { objectPath } from './object-path.js';
import type { ResourceResolver } from './resolve-resource.js';

export interface ApplyOptions {
  object: KubeObject;
  /** Preview only: run admission and defaulting, persist nothing. */
  dryRun?: boolean;
  /** Take over fields owned by other managers (default true, as kubegate owns what Git says). */
  force?: boolean;
  /** Defaults to the client's field manager ("kubegate"). */
  fieldManager?: string;
  /** Cancels the request (ClusterError reason "Aborted"). */
  signal?: AbortSignal;
  /** Apply to the status subresource (what a controller does; tests use it to play one). */
  subresource?: 'status';
}

export interface ApplyDeps {
  call: ApiCaller;
  resolve: ResourceResolver;
  defaultNamespace: string;
  fieldManager: string;
}

export async function applyObject(deps: ApplyDeps, options: ApplyOptions): Promise<KubeObject> {
  const object = asKubeObject(options.object, 'apply');
  const name = object.metadata.name;
  if (!name) throw new ClusterError(`apply ${object.kind}: metadata.name is required`, { reason: 'Invalid' });
  const resource = await deps.resolve(object.apiVersion, object.kind);
  const namespace = object.metadata.namespace ?? deps.defaultNamespace;
  const body = resource.namespaced ? { ...object, metadata: { ...object.metadata, namespace } } : object;
  const path = objectPath({ apiVersion: object.apiVersion, resource, name, namespace }) + (options.subresource ? `/${options.subresource}` : '');
  const answer = await deps.call({
    method: 'PATCH',
    path,
    query: {
      fieldManager: options.fieldManager ?? deps.fieldManager,
      force: String(options.force ?? true),
      dryRun: options.dryRun ? 'All' : undefined,
    },
    contentType: 'application/apply-patch+yaml',
    body: JSON.stringify(body),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return asKubeObject(answer, `PATCH ${path}`);
}
