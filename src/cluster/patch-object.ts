// A JSON merge patch of one object (RFC 7386), e.g. one annotation, as
// `kubectl annotate` and `flux reconcile` do. Not for content from Git: that
// goes through server-side apply.
import { asKubeObject } from './as-kube-object.js';
import type { ApplyDeps } from './apply-object.js';
import { refPath } from './get-object.js';
import type { KubeObject, ObjectRef } from './kube-object.js';

export interface PatchOptions {
  ref: ObjectRef;
  /** The merge patch; null values remove fields. */
  patch: Record<string, unknown>;
  subresource?: 'status';
  signal?: AbortSignal;
}

export async function patchObject(deps: ApplyDeps, options: PatchOptions): Promise<KubeObject> {
  const path = (await refPath(deps, options.ref)) + (options.subresource ? `/${options.subresource}` : '');
  const answer = await deps.call({
    method: 'PATCH',
    path,
    query: { fieldManager: deps.fieldManager },
    contentType: 'application/merge-patch+json',
    body: JSON.stringify(options.patch),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return asKubeObject(answer, `PATCH ${path}`);
}
