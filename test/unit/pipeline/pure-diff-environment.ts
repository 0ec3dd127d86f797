// A DiffEnvironment for pipeline tests, made of the real pure diff engine and
// no cluster: the "cluster" holds the objects at base as written (as if the
// base had been applied) and a dry-run returns the object at head as written.
import type { ManifestObject } from '../../../src/core/types.js';
import {
  buildDiffCheck,
  buildEnvironmentDiff,
  findRemovedObjects,
  identityKey,
  renderDiffMarkdown,
  splitApiVersion,
  type DiffEnvironment,
  type EnvironmentDiffRequest,
  type JsonObject,
  type ResolvedRef,
} from '../../../src/diff/index.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'CustomResourceDefinition']);

function namespaceOf(o: ManifestObject, request: EnvironmentDiffRequest): string | undefined {
  return CLUSTER_SCOPED.has(o.kind) ? undefined : (o.namespace ?? request.namespace ?? 'default');
}

function refOf(o: ManifestObject, request: EnvironmentDiffRequest): ResolvedRef {
  const namespace = namespaceOf(o, request);
  return { ...splitApiVersion(o.apiVersion), kind: o.kind, name: o.name, namespaced: namespace !== undefined, ...(namespace ? { namespace } : {}) };
}

function served(o: ManifestObject, request: EnvironmentDiffRequest): JsonObject {
  const namespace = namespaceOf(o, request);
  const metadata = { ...(o.body.metadata as JsonObject), ...(namespace ? { namespace } : {}) };
  return { ...structuredClone(o.body), metadata };
}

export function pureDiffEnvironment(requests: EnvironmentDiffRequest[] = []): DiffEnvironment {
  return async (request) => {
    requests.push(request);
    const atBase = new Map(request.base.map((o) => [identityKey(o, request.namespace), o]));
    const applied = request.head.map((o) => {
      const live = atBase.get(identityKey(o, request.namespace));
      return { object: o, ref: refOf(o, request), live: live ? served(live, request) : null, merged: served(o, request) };
    });
    const removed = findRemovedObjects(request.base, request.head, request.namespace).map((o) => ({ object: o, ref: refOf(o, request), live: served(o, request) }));
    const diff = buildEnvironmentDiff({ environment: request.environment, cluster: request.cluster ?? '', applied, removed });
    return { check: buildDiffCheck(diff), sections: renderDiffMarkdown(diff) };
  };
}
