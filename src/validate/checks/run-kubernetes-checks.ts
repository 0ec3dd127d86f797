// The checks the API server makes that a JSON schema misses, in order.
// Each returns the problems it found; all of them are reported.
import type { ManifestObject } from '../../core/types.js';
import type { FieldError } from '../types.js';
import { checkMetadata } from './check-metadata.js';
import { checkResources } from './check-resources.js';

const CHECKS: ReadonlyArray<(object: ManifestObject) => FieldError[]> = [checkMetadata, checkResources];

export function runKubernetesChecks(object: ManifestObject): FieldError[] {
  return CHECKS.flatMap((check) => check(object));
}
