// Field paths in the three spellings kubegate needs: Ajv's JSON pointers
// (escaped), kubeconform's display form ("/spec/ports/0/port", unescaped) and
// kubectl's dotted form (spec.ports[0].port).
import type { FieldPath } from '../core/types.js';

/** Splits an Ajv instancePath; indexes into arrays of `body` become numbers. */
export function pointerToSegments(pointer: string, body: unknown): Array<string | number> {
  if (pointer === '') return [];
  const segments: Array<string | number> = [];
  let value: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value) && /^\d+$/.test(key)) {
      segments.push(Number(key));
      value = value[Number(key)];
    } else {
      segments.push(key);
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

/** kubeconform's form: every segment after a slash, unescaped; "" for the root. */
export function displayPath(segments: FieldPath): string {
  return segments.map((segment) => `/${segment}`).join('');
}

/** kubectl's form, e.g. spec.template.spec.containers[0].image, metadata.labels["app.kubernetes.io/name"]. */
export function dottedPath(segments: FieldPath): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
