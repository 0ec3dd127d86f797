// The field an "is invalid" message names first, e.g. from
// `Deployment.apps "web" is invalid: spec.selector: Invalid value: ...: field is immutable`
// -> "spec.selector", so a finding can point at the field's line.
import type { FieldPath } from '../core/types.js';

const INVALID = / is invalid: \[?([A-Za-z0-9_.\-[\]]+): /;

export function invalidField(message: string): string | undefined {
  return INVALID.exec(message)?.[1];
}

/** "spec.containers[0].image" -> ["spec", "containers", 0, "image"]. */
export function parseFieldPath(field: string): FieldPath {
  const path: Array<string | number> = [];
  for (const part of field.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return path;
    if (m[1]) path.push(m[1]);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}
