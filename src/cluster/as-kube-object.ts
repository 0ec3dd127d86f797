// Checks at the boundary that an answer (or an input) is a Kubernetes object.
import { ClusterError } from './cluster-error.js';
import type { KubeObject } from './kube-object.js';

export function asKubeObject(value: unknown, where: string): KubeObject {
  const o = value as Partial<KubeObject> | null;
  const ok =
    typeof o === 'object' && o !== null && typeof o.apiVersion === 'string' && typeof o.kind === 'string' &&
    typeof o.metadata === 'object' && o.metadata !== null;
  if (!ok) throw new ClusterError(`${where}: not a Kubernetes object (apiVersion, kind and metadata are required)`, { reason: 'Invalid' });
  return o as KubeObject;
}
