// Turns Ajv's errors into kubeconform's (santhosh-tekuri/jsonschema) wording:
// "got string, want null or integer", "missing property 'name'",
// "additional properties 'foo' not allowed", ... one FieldError per problem.
import type { ErrorObject } from 'ajv';
import { ORIGINAL_SCHEMA_PATH } from './create-ajv.js';
import type { FieldError } from './types.js';
import { displayPath, pointerToSegments } from './field-path.js';

/** An Ajv error with the value it is about (Ajv's `verbose` data, which lazy references cannot keep). */
type DataError = ErrorObject & { value: unknown };

const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];
const LIMITS: Readonly<Record<string, (data: unknown) => unknown>> = {
  minLength: (d) => (typeof d === 'string' ? [...d].length : d),
  maxLength: (d) => (typeof d === 'string' ? [...d].length : d),
  minItems: (d) => (Array.isArray(d) ? d.length : d),
  maxItems: (d) => (Array.isArray(d) ? d.length : d),
  minProperties: (d) => (d !== null && typeof d === 'object' ? Object.keys(d).length : d),
  maxProperties: (d) => (d !== null && typeof d === 'object' ? Object.keys(d).length : d),
  minimum: (d) => d,
  maximum: (d) => d,
  exclusiveMinimum: (d) => d,
  exclusiveMaximum: (d) => d,
  multipleOf: (d) => d,
};

const QUOTE_HINT = ' (YAML reads unquoted yes, no, on, off, true and false as booleans: quote the value)';

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** kubeconform quotes strings in single quotes and prints other values as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function typeList(types: unknown): string[] {
  const list = Array.isArray(types) ? types.map(String) : String(types).split(',');
  return [...new Set(list)].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
}

function params(error: ErrorObject): Record<string, unknown> {
  return error.params as Record<string, unknown>;
}

function schemaPathOf(error: ErrorObject): string {
  const original = params(error)[ORIGINAL_SCHEMA_PATH];
  return typeof original === 'string' ? original : error.schemaPath;
}

/** Branch errors of a failed oneOf/anyOf: the earlier errors reported from inside its subschemas. */
function branchErrors(errors: DataError[], index: number, consumed: Set<number>): DataError[] {
  const parent = errors[index];
  if (!parent) return [];
  const parentPath = schemaPathOf(parent);
  const branches: DataError[] = [];
  for (let i = 0; i < index; i++) {
    const error = errors[i];
    if (error && !consumed.has(i) && schemaPathOf(error).startsWith(`${parentPath}/`)) {
      consumed.add(i);
      branches.push(error);
    }
  }
  return branches;
}

function describeAlternatives(error: DataError, branches: DataError[]): string {
  const sameField = branches.every((b) => b.keyword === 'type' && b.instancePath === error.instancePath);
  if (branches.length > 0 && sameField) {
    const wanted = typeList(branches.flatMap((b) => typeList(params(b)['type'])));
    return `got ${jsonType(error.value)}, want ${wanted.join(' or ')}`;
  }
  const passing = params(error)['passingSchemas'];
  if (Array.isArray(passing)) return `${error.keyword} failed, subschemas ${passing.join(', ')} matched`;
  return `${error.keyword} failed, none matched`;
}

function describeOne(error: DataError): string {
  const p = params(error);
  switch (error.keyword) {
    case 'type': {
      const wanted = typeList(p['type']);
      const got = jsonType(error.value);
      const hint = got === 'boolean' && wanted.includes('string') && !wanted.includes('boolean') ? QUOTE_HINT : '';
      return `got ${got}, want ${wanted.join(' or ')}${hint}`;
    }
    case 'enum': {
      const allowed = Array.isArray(p['allowedValues']) ? p['allowedValues'] : [];
      return allowed.length === 1 ? `value must be ${quote(allowed[0])}` : `value must be one of ${allowed.map(quote).join(', ')}`;
    }
    case 'const':
      return `value must be ${quote(p['allowedValue'])}`;
    case 'format':
      return `${quote(error.value)} is not valid ${quote(p['format'])}`;
    case 'pattern':
      return `${quote(error.value)} does not match pattern ${quote(p['pattern'])}`;
    case 'uniqueItems':
      return `items at ${String(p['j'])} and ${String(p['i'])} are equal`;
    case 'not':
      return "'not' failed";
    case 'false schema':
      return 'false schema';
    default: {
      const got = LIMITS[error.keyword];
      if (got) return `${error.keyword}: got ${JSON.stringify(got(error.value))}, want ${JSON.stringify(p['limit'])}`;
      return error.message ?? error.keyword;
    }
  }
}

function fieldError(segments: Array<string | number>, msg: string, at: Array<string | number> = segments): FieldError {
  return { path: displayPath(segments), segments: at, msg, rule: 'schema' };
}

/** Groups "required" and "additionalProperties" errors by object, as kubeconform prints them. */
function groupedNames(errors: DataError[], start: number, keyword: string, param: string, consumed: Set<number>): string[] {
  const first = errors[start];
  const names: string[] = [];
  errors.forEach((error, i) => {
    if (i >= start && !consumed.has(i) && error.keyword === keyword && error.instancePath === first?.instancePath) {
      consumed.add(i);
      names.push(String(params(error)[param]));
    }
  });
  return names;
}

/** kubeconform-style field errors for Ajv's errors about `body`. */
function valueAt(body: unknown, segments: ReadonlyArray<string | number>): unknown {
  let value = body;
  for (const segment of segments) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, body: unknown): FieldError[] {
  const list: DataError[] = (errors ?? []).map((error) => ({ ...error, value: valueAt(body, pointerToSegments(error.instancePath, body)) }));
  const consumed = new Set<number>();
  const alternatives = new Map<number, string>();
  list.forEach((error, i) => {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') alternatives.set(i, describeAlternatives(error, branchErrors(list, i, consumed)));
  });
  const out: FieldError[] = [];
  list.forEach((error, i) => {
    if (consumed.has(i)) return;
    const segments = pointerToSegments(error.instancePath, body);
    if (error.keyword === 'required') {
      const names = groupedNames(list, i, 'required', 'missingProperty', consumed);
      const label = names.length === 1 ? 'property' : 'properties';
      out.push(fieldError(segments, `missing ${label} ${names.map(quote).join(', ')}`));
    } else if (error.keyword === 'additionalProperties') {
      const names = groupedNames(list, i, 'additionalProperties', 'additionalProperty', consumed);
      out.push(fieldError(segments, `additional properties ${names.map(quote).join(', ')} not allowed`, [...segments, names[0] ?? '']));
    } else if (typeof params(error)['index'] === 'number') {
      const at = [...segments, params(error)['index'] as number];
      out.push(fieldError(at, error.message ?? error.keyword));
    } else {
      consumed.add(i);
      out.push(fieldError(segments, alternatives.get(i) ?? (error.keyword.startsWith('x-') ? (error.message ?? error.keyword) : describeOne(error))));
    }
  });
  return out;
}
