// Where the parts the Kubernetes checks look at sit inside an object: its
// metadata, the metadata of embedded pod and job templates, the pod specs and
// the label selectors. Found by shape, so custom resources that embed a pod
// template (Argo Rollouts, Knative, ...) are checked too.
import type { FieldPath } from '../../core/types.js';
import { isPlainObject } from '../../manifests/classify-document.js';

export interface Part {
  value: Record<string, unknown>;
  path: FieldPath;
}

const TEMPLATE_PATHS: readonly FieldPath[] = [
  ['template'],
  ['spec', 'template'],
  ['spec', 'jobTemplate'],
  ['spec', 'jobTemplate', 'spec', 'template'],
];

export function at(body: unknown, path: FieldPath): unknown {
  let value = body;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function part(body: Record<string, unknown>, path: FieldPath): Part | undefined {
  const value = at(body, path);
  return isPlainObject(value) ? { value, path } : undefined;
}

/** Metadata of embedded templates (not the object's own). */
export function templateMetadata(body: Record<string, unknown>): Part[] {
  return TEMPLATE_PATHS.map((path) => part(body, [...path, 'metadata'])).filter((p): p is Part => p !== undefined);
}

/** Pod specs: the object's own (a Pod) and those of its templates. */
export function podSpecs(body: Record<string, unknown>, kind: string): Part[] {
  const paths: FieldPath[] = TEMPLATE_PATHS.map((path) => [...path, 'spec']);
  if (kind === 'Pod') paths.unshift(['spec']);
  return paths
    .map((path) => part(body, path))
    .filter((p): p is Part => p !== undefined && Array.isArray(p.value['containers']));
}

/** Label maps used as selectors: matchLabels, and the plain maps of Services and ReplicationControllers. */
export function selectorLabels(body: Record<string, unknown>, apiVersion: string, kind: string): Part[] {
  const found: Array<Part | undefined> = [part(body, ['spec', 'selector', 'matchLabels'])];
  if (apiVersion === 'v1' && (kind === 'Service' || kind === 'ReplicationController')) found.push(part(body, ['spec', 'selector']));
  return found.filter((p): p is Part => p !== undefined);
}
