// The checks the API server makes that a JSON schema misses, in order.
// Each appends the problems it finds; all of them are reported.
import type { ManifestObject } from '../../core/types.js';
import type { FieldError } from '../types.js';
import { checkMetadata } from './check-metadata.js';
import { checkResources } from './check-resources.js';

const CHECKS: ReadonlyArray<(object: ManifestObject, errors: FieldError[]) => void> = [checkMetadata, checkResources];

export function runKubernetesChecks(object: ManifestObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const check of CHECKS) check(object, errors);
  return errors;
}
