// Params objects kubegate provides itself, so version-aware policies can be
// written as plain ValidatingAdmissionPolicies: a ConfigMap
// kube-system/kubegate-target with data.kubernetesVersion ("1.33"). A ConfigMap
// of that name in the manifests takes precedence; a cluster can hold the same.
import type { ManifestObject } from '../../core/types.js';

export const TARGET_PARAMS_NAMESPACE = 'kube-system';
export const TARGET_PARAMS_NAME = 'kubegate-target';

export function targetParams(kubernetesVersion: string): ManifestObject {
  const body = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: TARGET_PARAMS_NAME, namespace: TARGET_PARAMS_NAMESPACE },
    data: { kubernetesVersion },
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: TARGET_PARAMS_NAME,
    namespace: TARGET_PARAMS_NAMESPACE,
    body,
    source: { file: '(kubegate target version)', line: 1 },
    documentIndex: 0,
    lineOf: () => 1,
  };
}
