// The YAML scalar rules kubectl and kubeconform use (sigs.k8s.io/yaml, a
// YAML 1.1 parser): yes/no/on/off are booleans, 0644 is octal, 1_000 is an
// integer, and timestamps stay strings. js-yaml's own schemas follow YAML 1.2,
// which would read `enabled: yes` as a string where the cluster sees a boolean.
import { FAILSAFE_SCHEMA, Type, type Schema } from 'js-yaml';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS = new Map<string, number>([
  ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity],
  ['+.inf', Infinity], ['+.Inf', Infinity], ['+.INF', Infinity],
  ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
  ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
]);
// Go's strconv.ParseInt(s, 0, 64) after yaml.v2 removed the underscores.
const INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
// yaml.v2's yamlStyleFloat, plus the leading-dot form it passes to ParseFloat.
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const MAX_INT64 = 9223372036854775807;

function startsNumeric(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
}

function parseGoInt(text: string): number {
  const negative = text.startsWith('-');
  const body = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  const prefix = body.slice(0, 2).toLowerCase();
  let value: number;
  if (prefix === '0x') value = parseInt(body.slice(2), 16);
  else if (prefix === '0b') value = parseInt(body.slice(2), 2);
  else if (prefix === '0o') value = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1), 8);
  else value = parseInt(body, 10);
  return negative ? -value : value;
}

// js-yaml asks every implicit type about every plain scalar, keys included.
// A Set lookup hashes the whole (freshly sliced) string, so each type first
// rules scalars out by length or first character, which is most of them.
function isNull(data: unknown): boolean {
  if (data === null) return true;
  return typeof data === 'string' && data.length <= 4 && NULLS.has(data);
}

/** y/Y/yes/on/true/n/no/off/false in their spellings: 1 to 5 characters, starting with one of these letters. */
const BOOL_FIRST = new Set(['y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O']);

function isBool(data: unknown): data is string {
  return typeof data === 'string' && data.length > 0 && data.length <= 5 && BOOL_FIRST.has(data.charAt(0)) && (TRUES.has(data) || FALSES.has(data));
}

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: isNull,
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: () => 'null',
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: isBool,
  construct: (data: string) => TRUES.has(data),
  predicate: (object: unknown) => typeof object === 'boolean',
  represent: (object: object) => String(object),
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => {
    if (typeof data !== 'string' || data.length === 0 || !startsNumeric(data)) return false;
    const plain = data.includes('_') ? data.replace(/_/g, '') : data;
    return INT.test(plain) && Math.abs(parseGoInt(plain)) <= MAX_INT64;
  },
  construct: (data: string) => parseGoInt(data.replace(/_/g, '')),
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
  represent: (object: object) => String(object),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => {
    // Every special float starts with '.', '+' or '-', which startsNumeric accepts.
    if (typeof data !== 'string' || data.length === 0 || !startsNumeric(data)) return false;
    if (SPECIAL_FLOATS.has(data)) return true;
    return FLOAT.test(data.startsWith('.') ? data : data.replace(/_/g, ''));
  },
  construct: (data: string) => SPECIAL_FLOATS.get(data) ?? Number(data.replace(/_/g, '')),
  predicate: (object: unknown) => typeof object === 'number',
  represent: (object: object) => String(object),
});

// `<<: *defaults` merges, as yaml.v2 does.
const mergeType = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: unknown) => data === '<<' || data === null,
});

/** In the order js-yaml tries them on a plain scalar. */
const IMPLICIT_TYPES = [nullType, boolType, intType, floatType, mergeType];

/** The js-yaml schema that reads scalars the way the Kubernetes tooling does. */
export const KUBERNETES_YAML_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT_TYPES });

/** Letters that can start a null or boolean (null, y, yes, n, no, true, false, on, off in their spellings). */
const KEYWORD_FIRST = new Set([...'nNyYtTfFoO'].map((c) => c.charCodeAt(0)));

/**
 * Whether no implicit type can apply, judged from the first character and
 * the length alone: numbers start with a digit, a sign or a dot, the merge
 * key with `<`, null with `~` or n/N, and booleans (5 characters at most)
 * with one of KEYWORD_FIRST. Most keys and names are ruled out here.
 */
function isPlainWord(text: string): boolean {
  const c = text.charCodeAt(0);
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return letter && (text.length > 5 || !KEYWORD_FIRST.has(c));
}

/** A plain (unquoted) scalar's value under KUBERNETES_YAML_SCHEMA, as js-yaml resolves it. */
export function plainScalarValue(text: string): unknown {
  if (isPlainWord(text)) return text;
  for (const type of IMPLICIT_TYPES) {
    if (type.resolve(text)) return type.construct(text);
  }
  return text;
}

/** Whether a plain scalar stays a string (no implicit type, not even the `<<` merge key, applies). */
export function isPlainString(text: string): boolean {
  return isPlainWord(text) || !IMPLICIT_TYPES.some((type) => type.resolve(text));
}
