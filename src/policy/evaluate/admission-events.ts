// Head and base manifests -> the admission requests applying the head would
// make: CREATE (new), UPDATE (in both), DELETE (gone). Objects are matched by
// API group, kind, namespace and name.
import type { ManifestObject } from '../../core/types.js';
import type { AdmissionAttributes } from '../match/admission-attributes.js';
import { resourceInfo } from '../match/resource-names.js';
import type { Operation } from '../types.js';
import { labelsOf, type ManifestContext, NAMESPACE_NAME_LABEL } from './manifest-context.js';

export interface AdmissionEvent {
  operation: Operation;
  /** The object at head (absent on DELETE). */
  object?: ManifestObject;
  /** The object at base (absent on CREATE). */
  oldObject?: ManifestObject;
  attrs: AdmissionAttributes;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function attributesOf(operation: Operation, object: ManifestObject, old: ManifestObject | undefined, ctx: ManifestContext): AdmissionAttributes {
  const { group, version } = splitApiVersion(object.apiVersion);
  const { resource, namespaced } = resourceInfo(group, object.kind, ctx.crds);
  const namespace = namespaced ? (object.namespace ?? 'default') : '';
  const labels = operation === 'DELETE' ? undefined : labelsOf(object);
  const oldLabels = operation === 'CREATE' ? undefined : labelsOf(old ?? object);
  let namespaceLabels = {};
  if (resource === 'namespaces' && group === '') namespaceLabels = { ...(labels ?? oldLabels), [NAMESPACE_NAME_LABEL]: object.name };
  else if (namespaced) namespaceLabels = ctx.namespaces.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
  return { operation, group, version, kind: object.kind, resource, namespaced, namespace, name: object.name, namespaceLabels, ...(labels ? { labels } : {}), ...(oldLabels ? { oldLabels } : {}) };
}

function identity(object: ManifestObject, ctx: ManifestContext): string {
  const { group } = splitApiVersion(object.apiVersion);
  const { namespaced } = resourceInfo(group, object.kind, ctx.crds);
  return `${group}|${object.kind}|${namespaced ? (object.namespace ?? 'default') : ''}|${object.name}`;
}

export function admissionEvents(head: readonly ManifestObject[], base: readonly ManifestObject[], ctx: ManifestContext): AdmissionEvent[] {
  const baseById = new Map<string, ManifestObject>();
  for (const object of base) if (!baseById.has(identity(object, ctx))) baseById.set(identity(object, ctx), object);
  const seen = new Set<string>();
  const events: AdmissionEvent[] = [];
  for (const object of head) {
    const id = identity(object, ctx);
    seen.add(id);
    const old = baseById.get(id);
    const operation = old ? 'UPDATE' : 'CREATE';
    events.push({ operation, object, ...(old ? { oldObject: old } : {}), attrs: attributesOf(operation, object, old, ctx) });
  }
  for (const [id, old] of baseById) {
    if (!seen.has(id)) events.push({ operation: 'DELETE', oldObject: old, attrs: attributesOf('DELETE', old, old, ctx) });
  }
  return events;
}
