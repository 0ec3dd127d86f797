// A validator that cannot be created (e.g. a schema location it refuses, a
// Kubernetes version without schemas) must not crash the run: every
// validation then fails with the reason, which becomes a finding.
import type { Validator, ValidatorOptions } from '../validate/types.js';
import type { PipelineDeps } from './pipeline-deps.js';

export function createValidatorOrFailure(deps: Pick<PipelineDeps, 'createValidator'>, options: ValidatorOptions): Validator {
  try {
    return deps.createValidator(options);
  } catch (err: unknown) {
    return {
      validate: () => Promise.reject(err instanceof Error ? err : new Error(String(err))),
    };
  }
}
