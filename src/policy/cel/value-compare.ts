// CEL equality and ordering over runtime values, for library functions
// (indexOf, isSorted, min, max, sets.*). Custom types take part by
// implementing CelComparable.
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celRuntimeError } from './runtime-error.js';

export interface CelComparable {
  celEquals(other: unknown): boolean;
  /** Negative, zero or positive; throws when the other value is not comparable. */
  celCompare?(other: unknown): number;
}

function isComparable(value: unknown): value is CelComparable {
  return typeof value === 'object' && value !== null && typeof (value as { celEquals?: unknown }).celEquals === 'function';
}

function asNumeric(value: unknown): bigint | number | undefined {
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  if (value instanceof UnsignedInt) return value.value;
  return undefined;
}

function compareNumeric(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'number' && Number.isNaN(a)) return Number.NaN;
  if (typeof b === 'number' && Number.isNaN(b)) return Number.NaN;
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function entriesOf(value: object): Array<[unknown, unknown]> {
  return value instanceof Map ? [...value.entries()] : Object.entries(value);
}

function mapsEqual(a: object, b: object): boolean {
  const left = entriesOf(a);
  const right = new Map(entriesOf(b));
  if (left.length !== right.size) return false;
  return left.every(([key, value]) => right.has(key) && celEquals(value, right.get(key)));
}

/** CEL's heterogeneous equality (numbers compare across int, uint and double). */
export function celEquals(a: unknown, b: unknown): boolean {
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && compareNumeric(na, nb) === 0;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (isComparable(a)) return a.celEquals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => celEquals(v, b[i]));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && bytesEqual(a, b);
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Duration || b instanceof Duration) return a instanceof Duration && b instanceof Duration && a.valueOf() === b.valueOf();
  return mapsEqual(a, b);
}

/** CEL ordering for comparable values of one type; throws for anything else. */
export function celCompare(a: unknown, b: unknown): number {
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined && nb !== undefined) return compareNumeric(na, nb);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof Duration && b instanceof Duration) return Math.sign(a.valueOf() - b.valueOf());
  if (isComparable(a) && a.celCompare) return a.celCompare(b);
  throw celRuntimeError(`no such overload: cannot compare ${describeType(a)} with ${describeType(b)}`);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return value.constructor?.name ?? 'map';
  return typeof value;
}
