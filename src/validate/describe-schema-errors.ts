// Turns Ajv's errors into kubeconform's: the words of its JSON schema library
// (santhosh-tekuri/jsonschema v6: "got string, want null or integer",
// "missing property 'name'", "additional properties 'foo' not allowed",
// "'oneOf' failed, none matched", ...), one FieldError per problem, in the
// order that library finds them. Several problems under one field are
// grouped by kubeconformCauses() for the one-line message.
import type { ErrorObject } from 'ajv';
import { displayPath, pointerToSegments } from './field-path.js';
import { goDisplay, goFloat, goQuote } from './go-format.js';
import type { FieldError } from './types.js';

type Segments = Array<string | number>;

/** An Ajv error with the value it is about (Ajv's `verbose` data, which lazy references cannot keep) and where that is. */
type DataError = ErrorObject & { value: unknown; location: Segments };

const TYPE_ORDER = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

/** The library stops checking a value at the first of these that fails: nothing else is said about it. */
const TERMINAL = ['type', 'const', 'enum', 'format'];

/** Checked before the fields or items of a value; everything else is reported after them. */
const BEFORE_CHILDREN = [
  'minProperties', 'maxProperties', 'required',
  'minItems', 'maxItems', 'uniqueItems',
  'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
];

const AFTER_CHILDREN = ['additionalProperties', 'propertyNames', 'dependencies', 'not', 'anyOf', 'oneOf'];

const SIZES: Readonly<Record<string, (data: unknown) => unknown>> = {
  minLength: (d) => (typeof d === 'string' ? [...d].length : d),
  maxLength: (d) => (typeof d === 'string' ? [...d].length : d),
  minItems: (d) => (Array.isArray(d) ? d.length : d),
  maxItems: (d) => (Array.isArray(d) ? d.length : d),
  minProperties: (d) => (d !== null && typeof d === 'object' ? Object.keys(d).length : d),
  maxProperties: (d) => (d !== null && typeof d === 'object' ? Object.keys(d).length : d),
};
const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

/** The library's message for several problems found under one field. */
const GROUP = 'validation failed';

const QUOTE_HINT = '(YAML reads unquoted yes, no, on, off, true and false as booleans: quote the value)';

/** The library's name for a value's type: every number is a "number", even a whole one. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function typeList(types: unknown): string[] {
  const list = Array.isArray(types) ? types.map(String) : String(types).split(',');
  return [...new Set(list)].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
}

function params(error: ErrorObject): Record<string, unknown> {
  return error.params as Record<string, unknown>;
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** The library's words for one failed keyword (combinators are described with their branches). */
function describeKeyword(error: DataError): { msg: string; hint?: string } {
  const p = params(error);
  switch (error.keyword) {
    case 'type': {
      const wanted = typeList(p['type']);
      const got = jsonType(error.value);
      const hint = got === 'boolean' && wanted.includes('string') ? QUOTE_HINT : undefined;
      return { msg: `got ${got}, want ${wanted.join(' or ')}`, ...(hint ? { hint } : {}) };
    }
    case 'enum': {
      const allowed = Array.isArray(p['allowedValues']) ? p['allowedValues'] : [];
      if (!allowed.every(isPrimitive)) return { msg: "'enum' failed" };
      return { msg: allowed.length === 1 ? `value must be ${goDisplay(allowed[0])}` : `value must be one of ${allowed.map(goDisplay).join(', ')}` };
    }
    case 'const':
      return { msg: isPrimitive(p['allowedValue']) ? `value must be ${goDisplay(p['allowedValue'])}` : "'const' failed" };
    case 'format':
      return { msg: `${goDisplay(error.value)} is not valid ${String(p['format'])}: not a valid ${String(p['format'])}` };
    case 'pattern':
      return { msg: `${goQuote(String(error.value))} does not match pattern ${goQuote(String(p['pattern']))}` };
    case 'uniqueItems':
      return { msg: `items at ${String(p['j'])} and ${String(p['i'])} are equal` };
    case 'not':
      return { msg: "'not' failed" };
    case 'false schema':
      return { msg: 'false schema' };
    case 'propertyNames':
      return { msg: `invalid propertyName ${goQuote(String(p['propertyName']))}` };
    case 'dependencies':
      return { msg: `properties ${goQuote(String(p['missingProperty']))} required, if ${goQuote(String(p['property']))} exists` };
    default: {
      const size = SIZES[error.keyword];
      if (size) return { msg: `${error.keyword}: got ${String(size(error.value))}, want ${String(p['limit'])}` };
      if (BOUNDS.includes(error.keyword) && typeof error.value === 'number' && typeof p['limit'] === 'number') {
        return { msg: `${error.keyword}: got ${goFloat(error.value)}, want ${goFloat(p['limit'])}` };
      }
      return { msg: error.message ?? error.keyword };
    }
  }
}

function fieldError(location: Segments, msg: string, extra: Partial<FieldError> = {}, at: Segments = location): FieldError {
  return { path: displayPath(location), segments: at, msg, rule: 'schema', ...extra };
}

/** The errors found inside each branch of the combinator at `index` (Ajv reports them just before it), by branch. */
function takeBranches(errors: readonly DataError[], index: number, consumed: Set<number>): DataError[][] {
  const parent = errors[index];
  if (!parent) return [];
  const prefix = `${parent.schemaPath}/`;
  const branches = new Map<string, DataError[]>();
  errors.forEach((error, i) => {
    const path = error.schemaPath;
    if (i >= index || consumed.has(i) || !path.startsWith(prefix)) return;
    consumed.add(i);
    const branch = path.slice(prefix.length).split('/')[0] ?? '';
    branches.set(branch, [...(branches.get(branch) ?? []), error]);
  });
  return [...branches.values()];
}

/** One keyword's problems: "required" and "additionalProperties" list every property of an object at once. */
function groupNames(errors: readonly DataError[], start: number, param: string, consumed: Set<number>): string[] {
  const first = errors[start];
  const names: string[] = [];
  errors.forEach((error, i) => {
    if (i >= start && !consumed.has(i) && error.keyword === first?.keyword && error.instancePath === first.instancePath) {
      consumed.add(i);
      names.push(String(params(error)[param]));
    }
  });
  return names;
}

interface Described {
  error: FieldError;
  keyword: string;
  location: Segments;
}

function describeCombinator(error: DataError, branches: DataError[][]): FieldError {
  const p = params(error);
  const passing = p['passingSchemas'];
  const msg =
    error.keyword === 'oneOf'
      ? Array.isArray(passing)
        ? `'oneOf' failed, subschemas ${passing.join(', ')} matched`
        : "'oneOf' failed, none matched"
      : `'${error.keyword}' failed`;
  const causes = branches.map((branch) => groupUnder(error.location, orderLikeKubeconform(describeList(branch))));
  const hint = causes.length > 0 ? `(${causes.map(leafMessages).join('; ')})` : undefined;
  return fieldError(error.location, msg, { ...(causes.length > 0 ? { causes } : {}), ...(hint ? { hint } : {}) });
}

function leafMessages(error: FieldError): string {
  return error.causes && error.causes.length > 0 ? error.causes.map(leafMessages).join('; ') : error.msg;
}

function describeList(errors: readonly DataError[]): Described[] {
  const consumed = new Set<number>();
  const combinators = new Map<number, FieldError>();
  errors.forEach((error, i) => {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') combinators.set(i, describeCombinator(error, takeBranches(errors, i, consumed)));
  });
  const out: Described[] = [];
  errors.forEach((error, i) => {
    // The library reports the failed "then"/"else" branch alone, without an "if" problem.
    if (consumed.has(i) || error.keyword === 'if') return;
    const location = error.location;
    if (error.keyword === 'required') {
      const names = groupNames(errors, i, 'missingProperty', consumed);
      const msg = names.length === 1 ? `missing property ${goQuote(names[0] ?? '')}` : `missing properties ${names.map(goQuote).join(', ')}`;
      out.push({ error: fieldError(location, msg), keyword: error.keyword, location });
    } else if (error.keyword === 'additionalProperties') {
      const names = groupNames(errors, i, 'additionalProperty', consumed);
      const msg = `additional properties ${names.map(goQuote).join(', ')} not allowed`;
      out.push({ error: fieldError(location, msg, {}, [...location, names[0] ?? '']), keyword: error.keyword, location });
    } else if (typeof params(error)['index'] === 'number') {
      // kubegate's own keywords (list-map keys) point at one item.
      const at = [...location, params(error)['index'] as number];
      out.push({ error: fieldError(at, error.message ?? error.keyword), keyword: error.keyword, location: at });
    } else {
      consumed.add(i);
      const described = combinators.get(i) ?? (error.keyword.startsWith('x-') ? fieldError(location, error.message ?? error.keyword) : null);
      const { msg, hint } = described ? { msg: described.msg, hint: described.hint } : describeKeyword(error);
      const extra = described?.causes ? { causes: described.causes } : {};
      out.push({ error: fieldError(location, msg, { ...extra, ...(hint ? { hint } : {}) }), keyword: error.keyword, location });
    }
  });
  return out;
}

function rank(keyword: string): number {
  if (TERMINAL.includes(keyword)) return TERMINAL.indexOf(keyword);
  if (BEFORE_CHILDREN.includes(keyword)) return 10 + BEFORE_CHILDREN.indexOf(keyword);
  return AFTER_CHILDREN.includes(keyword) ? 100 + AFTER_CHILDREN.indexOf(keyword) : 200;
}

interface Node {
  own: Described[];
  children: Map<string, Node>;
}

function emptyNode(): Node {
  return { own: [], children: new Map() };
}

function key(segment: string | number): string {
  return `${typeof segment}:${String(segment)}`;
}

/** Problems in the order the library finds them: a value's own checks, then its fields and items, then the rest. */
function orderLikeKubeconform(described: readonly Described[], depth = 0): FieldError[] {
  const node = emptyNode();
  for (const d of described) {
    if (d.location.length === depth) node.own.push(d);
    else {
      const k = key(d.location[depth] ?? '');
      if (!node.children.has(k)) node.children.set(k, emptyNode());
      node.children.get(k)?.own.push(d);
    }
  }
  const own = [...node.own].sort((a, b) => rank(a.keyword) - rank(b.keyword));
  const terminal = own.find((d) => TERMINAL.includes(d.keyword));
  if (terminal) return [terminal.error];
  const children = [...node.children.values()].flatMap((child) => orderLikeKubeconform(child.own, depth + 1));
  return [...own.filter((d) => rank(d.keyword) < 100).map((d) => d.error), ...children, ...own.filter((d) => rank(d.keyword) >= 100).map((d) => d.error)];
}

/** Where a problem is: its path's segments (an "additional properties" error points one level deeper, at the first one). */
export function locationOf(error: FieldError): FieldError['segments'] {
  return displayPath(error.segments) === error.path ? error.segments : error.segments.slice(0, -1);
}

/**
 * The problems under `root` as the library returns them for one value: a
 * single problem as it is, several as one "validation failed" problem with
 * the others nested under the field where they part ways.
 */
function groupUnder(root: Segments, errors: readonly FieldError[]): FieldError {
  const causes = nest(root, errors);
  return causes.length === 1 && causes[0] ? causes[0] : fieldError(root, GROUP, { causes });
}

function nest(at: ReadonlyArray<string | number>, errors: readonly FieldError[]): FieldError[] {
  const items: Array<FieldError | FieldError[]> = [];
  const byChild = new Map<string, FieldError[]>();
  for (const error of errors) {
    const location = locationOf(error);
    if (location.length === at.length) {
      items.push(error);
      continue;
    }
    const k = key(location[at.length] ?? '');
    let group = byChild.get(k);
    if (!group) {
      group = [];
      byChild.set(k, group);
      items.push(group);
    }
    group.push(error);
  }
  return items.map((item) => {
    if (!Array.isArray(item)) return item;
    const first = item[0];
    if (item.length === 1 && first) return first;
    const child = [...at, locationOf(first as FieldError)[at.length] ?? ''];
    return groupUnder(child, item);
  });
}

/** kubeconform's top-level problems of a resource (its validationErrors), for problems ordered as describeSchemaErrors returns them. */
export function kubeconformCauses(errors: readonly FieldError[]): FieldError[] {
  const causes = nest([], errors);
  // The library unwraps the resource's own group: problems that all lie under one field are listed flat.
  const only = causes[0];
  return causes.length === 1 && only?.causes && only.msg === GROUP ? only.causes : causes;
}

function valueAt(body: unknown, segments: ReadonlyArray<string | number>): unknown {
  let value = body;
  for (const segment of segments) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

/** kubeconform-style field errors for Ajv's errors about `body`, in the order kubeconform finds them. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, body: unknown): FieldError[] {
  const list: DataError[] = (errors ?? []).map((error) => {
    const location = pointerToSegments(error.instancePath, body);
    return { ...error, location, value: valueAt(body, location) };
  });
  return orderLikeKubeconform(describeList(list));
}
