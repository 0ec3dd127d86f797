// Object data as rules see it (k8s.io/apiserver/pkg/cel/common/values.go):
// object fields under their escaped names and only those the schema declares
// (unknown and preserved fields are not visible), integers as CEL ints,
// numbers as doubles, formatted strings as bytes, durations and timestamps.
// Null fields count as absent. A value that does not fit its type (the schema
// check reports it) is left out. Converted objects and lists are kept in a
// cache for one object's run: a rule at the root and a rule at spec share the
// conversion of spec.
import { celDuration } from '../../policy/cel/index.js';
import { parseDuration } from './parse-duration.js';
import type { RuleObjectType, RuleType, StringFormat } from './rule-type.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatted(text: string, format: StringFormat): unknown {
  switch (format) {
    case 'byte':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : undefined;
    case 'duration': {
      const duration = parseDuration(text);
      return duration && celDuration(duration.seconds, duration.nanos);
    }
    case 'date':
    case 'date-time': {
      if (format === 'date' && !DATE.test(text)) return undefined;
      const time = new Date(format === 'date' ? `${text}T00:00:00Z` : text);
      return Number.isNaN(time.getTime()) ? undefined : time;
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets a key as an own property (a "__proto__" key stays a key). */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Conversions of one object's data, by the raw value (each raw value has one type in a rule tree). */
export type RuleValueCache = WeakMap<object, { type: RuleType; value: unknown }>;

function objectValue(type: RuleObjectType, value: Record<string, unknown>, cache: RuleValueCache): unknown {
  const out = new type.ctor() as Record<string, unknown>;
  for (const [property, field] of type.fields) {
    const converted = ruleValue(field.type, value[property], cache);
    if (converted !== undefined) out[field.cel] = converted;
  }
  return out;
}

function mapValue(values: RuleType, value: Record<string, unknown>, cache: RuleValueCache): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = ruleValue(values, item, cache);
    if (converted !== undefined) setOwn(out, key, converted);
  }
  return out;
}

function intValue(value: unknown): bigint | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
}

function aggregateValue(type: RuleType, value: object, cache: RuleValueCache): unknown {
  const cached = cache.get(value);
  if (cached?.type === type) return cached.value;
  let converted: unknown;
  if (type.kind === 'list') {
    converted = Array.isArray(value) ? value.map((item: unknown) => ruleValue(type.items, item, cache)).filter((item) => item !== undefined) : undefined;
  } else if (isRecord(value)) {
    converted = type.kind === 'object' ? objectValue(type, value, cache) : type.kind === 'map' ? mapValue(type.values, value, cache) : undefined;
  }
  cache.set(value, { type, value: converted });
  return converted;
}

/** The CEL value of `value` typed by `type`; undefined for null, absent or ill-typed data. */
export function ruleValue(type: RuleType, value: unknown, cache: RuleValueCache = new WeakMap()): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type.kind) {
    case 'object':
    case 'map':
    case 'list':
      return typeof value === 'object' ? aggregateValue(type, value, cache) : undefined;
    case 'string':
      if (typeof value !== 'string') return undefined;
      return type.format ? formatted(value, type.format) : value;
    case 'int':
      return intValue(value);
    case 'double':
      return typeof value === 'number' ? value : undefined;
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'int-or-string':
      return typeof value === 'string' ? value : intValue(value);
  }
}
