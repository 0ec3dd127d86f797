// kubegate.dev/field-path: where a failed validation's finding goes. Kubernetes'
// Validation has no fieldPath, so a policy says it in an annotation (which a
// cluster keeps and ignores): a CEL expression, evaluated only when a
// validation fails, that returns the offending field's path as a string.
// `kubegate.dev/field-path` serves every validation of the policy;
// `kubegate.dev/field-path.<n>` serves spec.validations[n] and wins over it.
import type { PolicyExpression } from '../types.js';
import { compileExpression } from './compile-expression.js';

export const FIELD_PATH_ANNOTATION = 'kubegate.dev/field-path';

/** For each of `validations` validations, its field-path expression (if any). */
export function readFieldPaths(annotations: Record<string, unknown>, validations: number, errors: string[]): Array<PolicyExpression | undefined> {
  const compile = (key: string): PolicyExpression | undefined => compileExpression(annotations[key], `metadata.annotations["${key}"]`, errors);
  const shared = FIELD_PATH_ANNOTATION in annotations ? compile(FIELD_PATH_ANNOTATION) : undefined;
  const out = Array.from({ length: validations }, () => shared);
  for (const key of Object.keys(annotations)) {
    if (!key.startsWith(`${FIELD_PATH_ANNOTATION}.`)) continue;
    const suffix = key.slice(FIELD_PATH_ANNOTATION.length + 1);
    const index = /^\d+$/.test(suffix) ? Number(suffix) : -1;
    if (index < 0 || index >= validations) {
      errors.push(`metadata.annotations["${key}"]: "${suffix}" is not the index of one of the policy's ${validations} validation(s); use ${FIELD_PATH_ANNOTATION}.0 for spec.validations[0]`);
      continue;
    }
    out[index] = compile(key);
  }
  return out;
}
