// "...".format([args]) from cel-go's strings extension: %s %d %f %e %b %o %x %X %%,
// with an optional precision for %f and %e ("%.2f").
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { celRuntimeError } from '../runtime-error.js';
import { describeType } from '../value-compare.js';

function integerOf(value: unknown, verb: string): bigint {
  if (typeof value === 'bigint') return value;
  if (value instanceof UnsignedInt) return value.value;
  throw celRuntimeError(`format: %${verb} expects an integer, got ${describeType(value)}`);
}

function numberOf(value: unknown, verb: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof UnsignedInt) return Number(value.value);
  throw celRuntimeError(`format: %${verb} expects a number, got ${describeType(value)}`);
}

function special(n: number): string | undefined {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return undefined;
}

function fixed(value: unknown, precision: number): string {
  const n = numberOf(value, 'f');
  return special(n) ?? n.toFixed(precision);
}

function scientific(value: unknown, precision: number): string {
  const n = numberOf(value, 'e');
  const text = special(n) ?? n.toExponential(precision);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function hexOf(value: unknown, upper: boolean): string {
  let hex: string;
  if (typeof value === 'string') hex = Buffer.from(value, 'utf8').toString('hex');
  else if (value instanceof Uint8Array) hex = Buffer.from(value).toString('hex');
  else {
    const n = integerOf(value, 'x');
    hex = n < 0n ? `-${(-n).toString(16)}` : n.toString(16);
  }
  return upper ? hex.toUpperCase() : hex;
}

function withBase(value: unknown, base: 2 | 8, verb: string): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return integerOf(value, verb).toString(base);
}

/** The %s text of a value; strings inside lists and maps are quoted. */
export function formatValue(value: unknown, nested = false): string {
  if (typeof value === 'string') return nested ? JSON.stringify(value) : value;
  if (value === null) return 'null';
  if (typeof value === 'number') return special(value) ?? String(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || value instanceof UnsignedInt) return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (value instanceof Duration) return value.toString();
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, true)).join(', ')}]`;
  if (value instanceof Map || (typeof value === 'object' && value.constructor === Object)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const parts = entries.map(([k, v]) => `${formatValue(k, true)}: ${formatValue(v, true)}`).sort();
    return `{${parts.join(', ')}}`;
  }
  return String(value);
}

function applyVerb(verb: string, precision: number | undefined, arg: unknown): string {
  switch (verb) {
    case 's':
      return formatValue(arg);
    case 'd':
      return integerOf(arg, 'd').toString();
    case 'f':
      return fixed(arg, precision ?? 6);
    case 'e':
      return scientific(arg, precision ?? 6);
    case 'b':
      return withBase(arg, 2, 'b');
    case 'o':
      return withBase(arg, 8, 'o');
    case 'x':
    case 'X':
      return hexOf(arg, verb === 'X');
    default:
      throw celRuntimeError(`format: unrecognized formatting clause "%${verb}"`);
  }
}

export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(?:\.(\d+))?([a-zA-Z%])/g, (_m, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) throw celRuntimeError(`format: index ${next} out of range; the list has ${args.length} argument(s)`);
    return applyVerb(verb, precision === undefined ? undefined : Number(precision), args[next++]);
  });
}
