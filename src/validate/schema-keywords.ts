// Ajv keywords for the Kubernetes extensions kubegate enforces:
// x-kubernetes-list-map-keys (items of a list-map must have unique keys),
// x-kubernetes-list-type: set (items must be unique), and
// x-kubegate-quantity (resource quantity syntax, see normalize-schema.ts).
import type { AnySchemaObject, ErrorObject, FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import { KEY_DEFAULTS } from './list-map-keys.js';
import { isQuantity, QUANTITY_HINT } from './quantity.js';

type KeywordError = Partial<ErrorObject>;

function propertyDefaults(itemSchema: unknown): Record<string, { default?: unknown }> {
  if (itemSchema === null || typeof itemSchema !== 'object') return {};
  const properties = (itemSchema as { properties?: unknown }).properties;
  return properties !== null && typeof properties === 'object' ? (properties as Record<string, { default?: unknown }>) : {};
}

function keyOf(item: unknown, keys: readonly string[], defaults: Record<string, { default?: unknown }>): unknown[] {
  const record = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  return keys.map((key) => record[key] ?? defaults[key]?.default ?? KEY_DEFAULTS[key] ?? null);
}

function describeKey(keys: readonly string[], values: unknown[]): string {
  return keys.map((key, i) => `${key}=${JSON.stringify(values[i])}`).join(', ');
}

/** Index pairs (later, first) of items with equal identities. */
function duplicates(data: unknown[], identity: (item: unknown) => string): Array<{ index: number; first: number }> {
  const seen = new Map<string, number>();
  const found: Array<{ index: number; first: number }> = [];
  data.forEach((item: unknown, index: number) => {
    const id = identity(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else found.push({ index, first });
  });
  return found;
}

const validateListMapKeys: SchemaValidateFunction = (keys: unknown, data: unknown, parentSchema?: AnySchemaObject): boolean => {
  if (!Array.isArray(keys) || !Array.isArray(data) || data.length < 2) return true;
  const names = keys.filter((k): k is string => typeof k === 'string');
  const defaults = propertyDefaults(parentSchema?.['items']);
  const errors: KeywordError[] = duplicates(data, (item) => JSON.stringify(keyOf(item, names, defaults))).map(({ index, first }) => ({
    keyword: 'x-kubernetes-list-map-keys',
    message:
      `duplicate entry for key ${describeKey(names, keyOf(data[index], names, defaults))} (item ${first} has it too); ` +
      'Kubernetes treats this list as a map, so each item needs its own key',
    params: { index, first },
  }));
  validateListMapKeys.errors = errors;
  return errors.length === 0;
};

const validateListSet: SchemaValidateFunction = (listType: unknown, data: unknown): boolean => {
  if (listType !== 'set' || !Array.isArray(data) || data.length < 2) return true;
  const errors: KeywordError[] = duplicates(data, (item) => JSON.stringify(item)).map(({ index, first }) => ({
    keyword: 'x-kubernetes-list-type',
    message: `duplicate value ${JSON.stringify(data[index])} (item ${first} has it too); this list is a set`,
    params: { index, first },
  }));
  validateListSet.errors = errors;
  return errors.length === 0;
};

const validateQuantity: SchemaValidateFunction = (enabled: unknown, data: unknown): boolean => {
  if (enabled !== true || isQuantity(data)) return true;
  validateQuantity.errors = [{ keyword: 'x-kubegate-quantity', message: `'${String(data)}' is not a valid quantity: ${QUANTITY_HINT}`, params: {} }];
  return false;
};

export const SCHEMA_KEYWORDS: FuncKeywordDefinition[] = [
  { keyword: 'x-kubernetes-list-map-keys', type: 'array', errors: true, validate: validateListMapKeys },
  { keyword: 'x-kubernetes-list-type', type: 'array', errors: true, validate: validateListSet },
  { keyword: 'x-kubegate-quantity', type: 'string', errors: true, validate: validateQuantity },
];
