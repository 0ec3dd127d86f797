// The API server fills in schema defaults before it validates a custom
// resource (structural defaulting), so rules see defaulted fields: an absent
// property with a `default` gets a copy of it, at every level, in list items
// and map values too.
import { isRecord, setOwn } from './rule-value.js';
import { additionalPropertiesOf, itemsOf, propertiesOf, type SchemaNode } from './schema-node.js';

function withDefaultedProperties(value: Record<string, unknown>, schema: SchemaNode): Record<string, unknown> {
  const properties = propertiesOf(schema);
  const additional = additionalPropertiesOf(schema);
  let out: Record<string, unknown> | undefined;
  const set = (key: string, child: unknown): void => {
    out ??= { ...value };
    setOwn(out, key, child);
  };
  for (const [key, property] of Object.entries(properties)) {
    if (value[key] === undefined && property['default'] !== undefined) set(key, structuredClone(property['default']));
  }
  for (const [key, child] of Object.entries(out ?? value)) {
    const childSchema = Object.hasOwn(properties, key) ? properties[key] : additional;
    if (!childSchema) continue;
    const defaulted = applyDefaults(child, childSchema);
    if (defaulted !== child) set(key, defaulted);
  }
  return out ?? value;
}

/** `value` with the schema's defaults applied; `value` itself when nothing is defaulted. */
export function applyDefaults(value: unknown, schema: SchemaNode): unknown {
  if (Array.isArray(value)) {
    const items = itemsOf(schema);
    if (!items) return value;
    const defaulted = value.map((item) => applyDefaults(item, items));
    return defaulted.some((item, i) => item !== value[i]) ? defaulted : value;
  }
  return isRecord(value) ? withDefaultedProperties(value, schema) : value;
}
