// The one-line message of an invalid resource, as kubeconform prints it (its
// JSON schema library's multi-line report with the line breaks turned into
// spaces):
//   problem validating schema. Check JSON formatting: jsonschema validation
//   failed with '<schema>#' - at '/spec/replicas': got string, want integer
// nested problems indented ("   - at ..."), followed by what the Kubernetes
// checks found.
import type { DuplicateKey } from '../core/types.js';
import { kubeconformCauses, locationOf } from './describe-schema-errors.js';
import { goQuote, jsonPointer } from './go-format.js';
import type { FieldError } from './types.js';

function render(errors: readonly FieldError[], depth: number): string {
  return errors
    .map((error) => `\n${'  '.repeat(depth)}- at ${goQuote(jsonPointer(locationOf(error)))}: ${error.msg}${render(error.causes ?? [], depth + 1)}`)
    .join('');
}

export function invalidMessage(schemaDisplay: string, schemaErrors: readonly FieldError[], checkErrors: readonly FieldError[]): string {
  const head =
    schemaErrors.length > 0
      ? `problem validating schema. Check JSON formatting: jsonschema validation failed with ${goQuote(`${schemaDisplay}#`)}`
      : 'Kubernetes would reject it';
  const checks = checkErrors.map((error) => ` - at '${error.path}': ${error.msg}`).join('');
  return head + render(kubeconformCauses(schemaErrors), 0).replace(/\n/g, ' ') + checks;
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
