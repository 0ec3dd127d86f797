// Creates one object with POST: refused with 409 AlreadyExists when it
// exists, so two writers racing to create it cannot both win (a Lease).
import { asKubeObject } from './as-kube-object.js';
import { ClusterError } from './cluster-error.js';
import type { ApplyDeps } from './apply-object.js';
import type { KubeObject } from './kube-object.js';
import { apiVersionPath } from './resolve-resource.js';

export interface CreateOptions {
  object: KubeObject;
  signal?: AbortSignal;
}

export async function createObject(deps: ApplyDeps, options: CreateOptions): Promise<KubeObject> {
  const object = asKubeObject(options.object, 'create');
  if (!object.metadata.name) throw new ClusterError(`create ${object.kind}: metadata.name is required`, { reason: 'Invalid' });
  const resource = await deps.resolve(object.apiVersion, object.kind);
  const namespace = object.metadata.namespace ?? deps.defaultNamespace;
  const scope = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const path = `${apiVersionPath(object.apiVersion)}${scope}/${resource.name}`;
  const body = resource.namespaced ? { ...object, metadata: { ...object.metadata, namespace } } : object;
  const answer = await deps.call({
    method: 'POST',
    path,
    query: { fieldManager: deps.fieldManager },
    contentType: 'application/json',
    body: JSON.stringify(body),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return asKubeObject(answer, `POST ${path}`);
}
