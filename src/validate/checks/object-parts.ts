// Where the parts the Kubernetes checks look at sit inside an object: its
// metadata, the metadata of embedded pod and job templates, the pod specs and
// the label selectors. Found by shape, so custom resources that embed a pod
// template (Argo Rollouts, Knative, ...) are checked too. This runs for every
// object, so it walks fixed paths and allocates only for what it finds.
import type { FieldPath } from '../../core/types.js';
import { isPlainObject } from '../../manifests/classify-document.js';

export interface Part {
  value: Record<string, unknown>;
  path: FieldPath;
}

const TEMPLATE_METADATA: readonly FieldPath[] = [
  ['template', 'metadata'],
  ['spec', 'template', 'metadata'],
  ['spec', 'jobTemplate', 'metadata'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
];
const POD_SPECS: readonly FieldPath[] = [
  ['template', 'spec'],
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
];
const OWN_POD_SPEC: readonly FieldPath[] = [['spec']];
const MATCH_LABELS: readonly FieldPath[] = [['spec', 'selector', 'matchLabels']];
const PLAIN_SELECTOR: readonly FieldPath[] = [['spec', 'selector']];

export function at(body: unknown, path: FieldPath): unknown {
  let value = body;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function collect(body: Record<string, unknown>, paths: readonly FieldPath[], accept: (value: Record<string, unknown>) => boolean, into: Part[]): Part[] {
  for (const path of paths) {
    const value = at(body, path);
    if (isPlainObject(value) && accept(value)) into.push({ value, path });
  }
  return into;
}

const always = (): boolean => true;
const hasContainers = (value: Record<string, unknown>): boolean => Array.isArray(value['containers']);

/** Metadata of embedded templates (not the object's own). */
export function templateMetadata(body: Record<string, unknown>): Part[] {
  return collect(body, TEMPLATE_METADATA, always, []);
}

/** Pod specs: the object's own (a Pod) and those of its templates. */
export function podSpecs(body: Record<string, unknown>, kind: string): Part[] {
  return collect(body, POD_SPECS, hasContainers, kind === 'Pod' ? collect(body, OWN_POD_SPEC, hasContainers, []) : []);
}

/** Label maps used as selectors: matchLabels, and the plain maps of Services and ReplicationControllers. */
export function selectorLabels(body: Record<string, unknown>, apiVersion: string, kind: string): Part[] {
  const found = collect(body, MATCH_LABELS, always, []);
  if (apiVersion === 'v1' && (kind === 'Service' || kind === 'ReplicationController')) collect(body, PLAIN_SELECTOR, always, found);
  return found;
}
