// CEL runtime values, described as a tagged union: the one place that knows
// how cel-js represents uint, duration, timestamp, type and optional values.
import { Optional } from '@marcbachmann/cel-js';
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';

export type CelTypedValue =
  | { type: 'null' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: bigint }
  | { type: 'uint'; value: bigint }
  | { type: 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'list'; items: CelTypedValue[] }
  | { type: 'map'; entries: Array<[CelTypedValue, CelTypedValue]> }
  | { type: 'timestamp'; value: Date }
  | { type: 'duration'; seconds: bigint; nanos: number }
  | { type: 'type'; name: string }
  | { type: 'optional'; value?: CelTypedValue }
  | { type: 'object'; name: string; text: string };

function typeName(value: object): string | undefined {
  const tag = Object.prototype.toString.call(value);
  const m = /^\[object Type<(.+)>\]$/.exec(tag);
  return m?.[1];
}

function describeObject(value: object): CelTypedValue {
  if (Array.isArray(value)) return { type: 'list', items: value.map(describeCelValue) };
  if (value instanceof Set) return { type: 'list', items: [...value].map(describeCelValue) };
  if (value instanceof UnsignedInt) return { type: 'uint', value: value.value };
  if (value instanceof Uint8Array) return { type: 'bytes', value };
  if (value instanceof Date) return { type: 'timestamp', value };
  if (value instanceof Duration) return { type: 'duration', seconds: value.seconds, nanos: value.nanos };
  if (value instanceof Optional) return value.hasValue() ? { type: 'optional', value: describeCelValue(value.value()) } : { type: 'optional' };
  if (value instanceof Map) return { type: 'map', entries: [...value.entries()].map(([k, v]) => [describeCelValue(k), describeCelValue(v)]) };
  const name = typeName(value);
  if (name !== undefined) return { type: 'type', name };
  if (value.constructor === Object || value.constructor === undefined) {
    return { type: 'map', entries: Object.entries(value).map(([k, v]) => [{ type: 'string', value: k }, describeCelValue(v)]) };
  }
  return { type: 'object', name: value.constructor.name, text: String(value) };
}

export function describeCelValue(value: unknown): CelTypedValue {
  switch (typeof value) {
    case 'boolean':
      return { type: 'bool', value };
    case 'bigint':
      return { type: 'int', value };
    case 'number':
      return { type: 'double', value };
    case 'string':
      return { type: 'string', value };
    case 'object':
      return value === null ? { type: 'null' } : describeObject(value);
    default:
      return { type: 'object', name: typeof value, text: String(value) };
  }
}

/** A CEL uint value, for activations. */
export function celUint(value: bigint): unknown {
  return new UnsignedInt(value);
}

/** A CEL duration value, for activations. */
export function celDuration(seconds: bigint, nanos: number): unknown {
  return new Duration(seconds, nanos);
}

/** A CEL optional value, for activations: empty without an argument. */
export function celOptional(...value: [] | [unknown]): unknown {
  return value.length === 0 ? Optional.none() : Optional.of(value[0]);
}
