// Deletes one object; an already missing object is not an error.
import { isNotFound } from './cluster-error.js';
import type { ObjectRef } from './kube-object.js';
import { refPath, type ReadDeps } from './get-object.js';

export interface DeleteOptions {
  ref: ObjectRef;
  dryRun?: boolean;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** Delete only this incarnation of the object (409 Conflict when the uid differs). */
  uid?: string;
}

export type DeleteResult = 'deleted' | 'not-found';

export async function deleteObject(deps: ReadDeps, { ref, dryRun, propagationPolicy, uid }: DeleteOptions): Promise<DeleteResult> {
  const path = await refPath(deps, ref);
  try {
    await deps.call({
      method: 'DELETE',
      path,
      query: { dryRun: dryRun ? 'All' : undefined, propagationPolicy },
      // With a body, the API server reads DeleteOptions from it and ignores the query: both say the same.
      ...(uid === undefined ? {} : { contentType: 'application/json', body: JSON.stringify({ preconditions: { uid }, ...(dryRun ? { dryRun: ['All'] } : {}), ...(propagationPolicy ? { propagationPolicy } : {}) }) }),
    });
    return 'deleted';
  } catch (err) {
    if (isNotFound(err)) return 'not-found';
    throw err;
  }
}
