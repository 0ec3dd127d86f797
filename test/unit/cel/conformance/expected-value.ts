// cel.expr.Value (proto3 JSON form) -> the tagged value our CEL module describes.
import type { CelTypedValue } from '../../../../src/policy/cel/index.js';
import type { JsonObject, JsonValue } from './conformance-case.js';

export class UnsupportedValue extends Error {}

const asObject = (v: JsonValue | undefined): JsonObject => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

function toDouble(v: JsonValue | undefined): number {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  return Number(v ?? 0);
}

function parseDuration(text: string): CelTypedValue {
  const m = /^(-?)(\d+)(?:\.(\d+))?s$/.exec(text);
  if (!m) throw new UnsupportedValue(`duration ${text}`);
  const sign = m[1] === '-' ? -1 : 1;
  const nanos = Number((m[3] ?? '').padEnd(9, '0').slice(0, 9));
  return { type: 'duration', seconds: BigInt(m[2] ?? 0) * BigInt(sign), nanos: nanos * sign };
}

function objectValue(v: JsonObject): CelTypedValue {
  const type = String(v['@type'] ?? '');
  if (type.endsWith('google.protobuf.Duration')) return parseDuration(String(v.value));
  if (type.endsWith('google.protobuf.Timestamp')) return { type: 'timestamp', value: new Date(String(v.value)) };
  throw new UnsupportedValue(`protobuf message ${type}`);
}

export function expectedValue(json: JsonValue | undefined): CelTypedValue {
  const v = asObject(json);
  if ('nullValue' in v) return { type: 'null' };
  if ('boolValue' in v) return { type: 'bool', value: v.boolValue === true };
  if ('int64Value' in v) return { type: 'int', value: BigInt(String(v.int64Value)) };
  if ('uint64Value' in v) return { type: 'uint', value: BigInt(String(v.uint64Value)) };
  if ('doubleValue' in v) return { type: 'double', value: toDouble(v.doubleValue) };
  if ('stringValue' in v) return { type: 'string', value: String(v.stringValue) };
  if ('bytesValue' in v) return { type: 'bytes', value: new Uint8Array(Buffer.from(String(v.bytesValue), 'base64')) };
  if ('listValue' in v) {
    const values = asObject(v.listValue).values;
    return { type: 'list', items: (Array.isArray(values) ? values : []).map(expectedValue) };
  }
  if ('mapValue' in v) {
    const entries = asObject(v.mapValue).entries;
    return {
      type: 'map',
      entries: (Array.isArray(entries) ? entries : []).map((e) => [expectedValue(asObject(e).key), expectedValue(asObject(e).value)]),
    };
  }
  if ('typeValue' in v) return { type: 'type', name: String(v.typeValue) };
  if ('objectValue' in v) return objectValue(asObject(v.objectValue));
  throw new UnsupportedValue(`value ${JSON.stringify(json)}`);
}
