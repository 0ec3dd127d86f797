// A policy finding placed for this pipeline, like a validation finding: in a
// rendered object it points at the source manifest, or at the patch that sets
// the field; and it names its environment.
import type { ManifestObject } from '../core/types.js';
import type { PolicyFinding } from '../policy/index.js';
import type { LoadedEnvironment } from './load-environment.js';

/** Objects without a namespace were evaluated in the environment's namespace, else in "default". */
function isObjectOf(finding: PolicyFinding, object: ManifestObject, namespace = 'default'): boolean {
  return (
    object.apiVersion === finding.apiVersion &&
    object.kind === finding.kind &&
    object.name === finding.name &&
    (finding.namespace === undefined || (object.namespace ?? namespace) === finding.namespace)
  );
}

export function placePolicyFinding(finding: PolicyFinding, head: LoadedEnvironment, base: LoadedEnvironment | undefined): PolicyFinding {
  const from = finding.operation === 'DELETE' ? base : head;
  const object = from?.objects.find((o) => isObjectOf(finding, o, head.target.env.namespace));
  const locate = object ? from?.locators.get(object) : undefined;
  return { ...finding, ...(locate ? locate(finding.fieldPath ?? []) : {}), environment: head.target.env.name };
}
