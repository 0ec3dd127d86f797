// Conformance bindings and type environments -> our CEL module's inputs.
import { type CelDeclarations, type CelTypedValue, celDuration, celUint } from '../../../../src/policy/cel/index.js';
import type { JsonObject, JsonValue } from './conformance-case.js';
import { expectedValue, UnsupportedValue } from './expected-value.js';

const asObject = (v: JsonValue | undefined): JsonObject => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

export function runtimeValue(v: CelTypedValue): unknown {
  switch (v.type) {
    case 'null':
      return null;
    case 'uint':
      return celUint(v.value);
    case 'duration':
      return celDuration(v.seconds, v.nanos);
    case 'list':
      return v.items.map(runtimeValue);
    case 'map': {
      if (v.entries.every(([k]) => k.type === 'string')) {
        return Object.fromEntries(v.entries.map(([k, val]) => [k.type === 'string' ? k.value : '', runtimeValue(val)]));
      }
      return new Map(v.entries.map(([k, val]) => [runtimeValue(k), runtimeValue(val)]));
    }
    case 'type':
    case 'optional':
    case 'object':
      throw new UnsupportedValue(`binding of type ${v.type}`);
    default:
      return v.value;
  }
}

const PRIMITIVES: Record<string, string> = { INT64: 'int', UINT64: 'uint', DOUBLE: 'double', STRING: 'string', BOOL: 'bool', BYTES: 'bytes' };
const WELL_KNOWN: Record<string, string> = { TIMESTAMP: 'google.protobuf.Timestamp', DURATION: 'google.protobuf.Duration', ANY: 'dyn' };

export function celType(json: JsonValue | undefined): string {
  const t = asObject(json);
  if (typeof t.primitive === 'string') return PRIMITIVES[t.primitive] ?? 'dyn';
  if (typeof t.wellKnown === 'string') return WELL_KNOWN[t.wellKnown] ?? 'dyn';
  if ('listType' in t) return `list<${celType(asObject(t.listType).elemType)}>`;
  if ('mapType' in t) return `map<${celType(asObject(t.mapType).keyType)}, ${celType(asObject(t.mapType).valueType)}>`;
  if ('dyn' in t) return 'dyn';
  if ('null' in t) return 'null_type';
  throw new UnsupportedValue(`declared type ${JSON.stringify(json)}`);
}

export function declarationsOf(original: JsonObject): CelDeclarations {
  const out: Record<string, string> = {};
  const env = Array.isArray(original.typeEnv) ? original.typeEnv : [];
  for (const decl of env) {
    const d = asObject(decl);
    if (!('ident' in d)) throw new UnsupportedValue('function declarations');
    out[String(d.name)] = celType(asObject(d.ident).type);
  }
  for (const name of Object.keys(asObject(original.bindings))) out[name] ??= 'dyn';
  return out;
}

export function activationOf(original: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, binding] of Object.entries(asObject(original.bindings))) {
    out[name] = runtimeValue(expectedValue(asObject(binding).value));
  }
  return out;
}
