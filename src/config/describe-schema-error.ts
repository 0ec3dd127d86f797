// Turns one ajv error into a field path and a sentence a user can act on.
import type { ErrorObject } from 'ajv';
import { suggestName } from './suggest-name.js';

export interface DescribedError {
  /** JSON pointer of the field the problem is about. */
  path: string;
  message: string;
}

/** Hints by field (instance path with list indexes as "*"): schema paths change when Ajv does not inline a $ref. */
const NAMESPACE_HINT = 'must be a valid namespace name (lower-case letters, digits and "-")';
const PATTERN_HINTS: Record<string, string> = {
  '/validation/kubernetesVersion': 'must be a version such as "1.33.13" or "master"',
  '/environments/*/name': 'must start with a letter or digit and contain only letters, digits, ".", "_" and "-"',
  '/environments/*/paths/*': 'must be relative to the repository root and must not contain ".."',
  '/environments/*/namespace': NAMESPACE_HINT,
  '/environments/*/sync/namespaces/*': NAMESPACE_HINT,
  '/sync/namespaces/*': NAMESPACE_HINT,
};

/** Wrong-type hints by field: what a user likely meant. */
const TYPE_HINTS: Record<string, string> = {
  '/environments/*/drift': 'must be a mapping; drift detection is on by default, `drift: {enabled: false}` turns it off',
};

const fieldPattern = (instancePath: string): string => instancePath.replace(/\/\d+(?=\/|$)/g, '/*');

function patternHint(instancePath: string): string | undefined {
  return PATTERN_HINTS[fieldPattern(instancePath)];
}

function knownFields(error: ErrorObject): string[] {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(parent?.properties ?? {});
}

function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function describeSchemaError(error: ErrorObject): DescribedError {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const fields = knownFields(error);
      const hint = suggestName(field, fields);
      const known = fields.length > 0 ? ` (known fields: ${fields.join(', ')})` : '';
      return {
        path: `${at}/${pointerEscape(field)}`,
        message: `unknown field "${field}"${hint ? `: did you mean "${hint}"?` : known}`,
      };
    }
    case 'required':
      return { path: `${at}/${pointerEscape(String(params.missingProperty))}`, message: 'is required' };
    case 'enum':
      return {
        path: at,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${describeValue(error.data)})`,
      };
    case 'type':
      return { path: at, message: `${TYPE_HINTS[fieldPattern(at)] ?? `must be ${articled(String(params.type))}`} (got ${describeValue(error.data)})` };
    case 'pattern':
      return { path: at, message: `${patternHint(at) ?? `must match ${String(params.pattern)}`} (got ${describeValue(error.data)})` };
    case 'minItems':
      return { path: at, message: 'must not be empty' };
    case 'minLength':
      return { path: at, message: 'must not be empty' };
    case 'uniqueItems':
      return { path: at, message: `must not repeat items (items ${String(params.j)} and ${String(params.i)} are equal)` };
    default:
      return { path: at, message: error.message ?? `fails the "${error.keyword}" rule` };
  }
}

function articled(type: string): string {
  const word = type === 'object' ? 'mapping' : type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
