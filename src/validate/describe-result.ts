// The one-line message of an invalid resource, as kubeconform prints it:
//   problem validating schema. Check JSON formatting: jsonschema validation
//   failed with '<schema>#' - at '/spec/replicas': got string, want integer
// followed by what the Kubernetes checks found.
import type { DuplicateKey } from '../core/types.js';
import type { FieldError } from './types.js';

function at(error: FieldError): string {
  return ` - at '${error.path}': ${error.msg}`;
}

export function invalidMessage(schemaDisplay: string, schemaErrors: readonly FieldError[], checkErrors: readonly FieldError[]): string {
  const head =
    schemaErrors.length > 0
      ? `problem validating schema. Check JSON formatting: jsonschema validation failed with '${schemaDisplay}#'`
      : 'Kubernetes would reject it';
  return head + [...schemaErrors, ...checkErrors].map(at).join('');
}

export function duplicateKeyErrors(duplicates: readonly DuplicateKey[]): { msg: string; errors: FieldError[] } {
  const errors = duplicates.map((d) => ({
    path: '',
    segments: [],
    line: d.line,
    rule: 'duplicate-key',
    msg: `line ${d.line}: key "${d.key}" already set in map; remove one of the two (strict mode refuses duplicate keys)`,
  }));
  return { msg: `error unmarshalling resource: ${errors.map((e) => e.msg).join('; ')}`, errors };
}
