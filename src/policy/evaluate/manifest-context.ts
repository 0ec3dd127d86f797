// What the repository's manifests say about the cluster they describe:
// CRDs (resource names, scope), Namespaces (labels) and candidate params.
import type { ManifestObject } from '../../core/types.js';
import { asRecord, asString, fieldAt } from '../load/read-fields.js';
import type { Labels } from '../match/match-label-selector.js';
import type { CrdIndex, ResourceInfo } from '../match/resource-names.js';
import { targetParams } from './target-params.js';

export interface ManifestContext {
  crds: CrdIndex;
  /** Namespace name -> labels (incl. kubernetes.io/metadata.name), from Namespace objects. */
  namespaces: ReadonlyMap<string, Labels>;
  /** Namespace name -> the Namespace object (for namespaceObject). */
  namespaceObjects: ReadonlyMap<string, ManifestObject>;
  /** "apiVersion|kind" -> objects at head, for paramKind lookups. */
  byType: ReadonlyMap<string, ManifestObject[]>;
}

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function labelsOf(object: ManifestObject | undefined): Labels | undefined {
  if (!object) return undefined;
  const raw = asRecord(fieldAt(object.body, ['metadata', 'labels'])) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

function crdEntry(object: ManifestObject): [string, ResourceInfo] | undefined {
  if (object.kind !== 'CustomResourceDefinition' || !object.apiVersion.startsWith('apiextensions.k8s.io/')) return undefined;
  const group = asString(fieldAt(object.body, ['spec', 'group']));
  const kind = asString(fieldAt(object.body, ['spec', 'names', 'kind']));
  const plural = asString(fieldAt(object.body, ['spec', 'names', 'plural']));
  if (!group || !kind || !plural) return undefined;
  return [`${group}/${kind}`, { resource: plural, namespaced: fieldAt(object.body, ['spec', 'scope']) !== 'Cluster' }];
}

export function buildManifestContext(head: readonly ManifestObject[], base: readonly ManifestObject[], kubernetesVersion: string): ManifestContext {
  const crds = new Map<string, ResourceInfo>();
  const namespaces = new Map<string, Labels>();
  const namespaceObjects = new Map<string, ManifestObject>();
  const byType = new Map<string, ManifestObject[]>();
  for (const object of [...base, ...head]) {
    const crd = crdEntry(object);
    if (crd) crds.set(crd[0], crd[1]);
    if (object.kind === 'Namespace' && object.apiVersion === 'v1') {
      namespaces.set(object.name, { ...labelsOf(object), [NAMESPACE_NAME_LABEL]: object.name });
      namespaceObjects.set(object.name, object);
    }
  }
  for (const object of [...head, targetParams(kubernetesVersion)]) {
    const key = `${object.apiVersion}|${object.kind}`;
    const list = byType.get(key);
    if (list) list.push(object);
    else byType.set(key, [object]);
  }
  return { crds, namespaces, namespaceObjects, byType };
}
