// Reads one object. A missing object is a ClusterError with status 404
// (see isNotFound), or null from findObject.
import { asKubeObject } from './as-kube-object.js';
import { isNotFound } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';
import type { KubeObject, ObjectRef } from './kube-object.js';
import { objectPath } from './object-path.js';
import type { ResourceResolver } from './resolve-resource.js';

/** Per-call options of reads. */
export interface ReadOptions {
  /** Cancels the request (ClusterError reason "Aborted"). */
  signal?: AbortSignal;
}

export interface ReadDeps {
  call: ApiCaller;
  resolve: ResourceResolver;
  defaultNamespace: string;
}

export async function refPath(deps: ReadDeps, ref: ObjectRef): Promise<string> {
  const resource = await deps.resolve(ref.apiVersion, ref.kind);
  return objectPath({ apiVersion: ref.apiVersion, resource, name: ref.name, namespace: ref.namespace ?? deps.defaultNamespace });
}

export async function getObject(deps: ReadDeps, ref: ObjectRef, options: ReadOptions = {}): Promise<KubeObject> {
  const path = await refPath(deps, ref);
  return asKubeObject(await deps.call({ method: 'GET', path, ...(options.signal ? { signal: options.signal } : {}) }), `GET ${path}`);
}

export async function findObject(deps: ReadDeps, ref: ObjectRef, options: ReadOptions = {}): Promise<KubeObject | null> {
  try {
    return await getObject(deps, ref, options);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
