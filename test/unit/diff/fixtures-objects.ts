// Test data for the diff unit tests: manifests parsed by the real loader and
// dry-run outcomes shaped like the API server's answers.
import type { ManifestObject } from '../../../src/core/types.js';
import type { DryRunOutcome, JsonObject, ResolvedRef } from '../../../src/diff/index.js';
import { loadManifests } from '../../../src/manifests/index.js';

export function manifest(text: string, file = 'apps/app.yaml'): ManifestObject {
  const [object] = loadManifests(file, text).objects;
  if (!object) throw new Error(`no object in ${text}`);
  return object;
}

export function refOf(object: ManifestObject, namespace?: string): ResolvedRef {
  const slash = object.apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : object.apiVersion.slice(0, slash),
    version: object.apiVersion.slice(slash + 1),
    kind: object.kind,
    name: object.name,
    ...(namespace ?? object.namespace ? { namespace: namespace ?? object.namespace } : {}),
  };
}

/** What the server returns: the body plus bookkeeping it adds. */
export function served(body: JsonObject, generation = 1): JsonObject {
  const metadata = body.metadata as Record<string, unknown>;
  return {
    ...structuredClone(body),
    metadata: {
      ...structuredClone(metadata),
      uid: 'a1b2',
      resourceVersion: String(100 + generation),
      generation,
      creationTimestamp: '2024-01-01T00:00:00Z',
      managedFields: [{ manager: 'kubegate', operation: 'Apply' }],
    },
    status: { observedGeneration: generation },
  };
}

export function outcome(object: ManifestObject, live: JsonObject | null, merged: JsonObject | undefined, extra: Partial<DryRunOutcome> = {}): DryRunOutcome {
  return { object, ref: refOf(object), live, ...(merged ? { merged } : {}), ...extra };
}
