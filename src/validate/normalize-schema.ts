// Prepares a loaded schema document for Ajv (draft-07): kubeconform-style
// schemas are draft-04 (boolean exclusiveMinimum, foreign $schema values),
// and kubegate's Kubernetes-specific checks are attached as keywords to the
// definitions they concern (resource quantities, list-map keys).
import { LIST_MAP_KEYS } from './list-map-keys.js';

type SchemaNode = Record<string, unknown>;

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;
/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example', 'examples']);

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fixExclusiveBounds(node: SchemaNode): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const flag = node[exclusive];
    if (typeof flag !== 'boolean') continue;
    if (flag && typeof node[bound] === 'number') {
      node[exclusive] = node[bound];
      delete node[bound];
    } else {
      delete node[exclusive];
    }
  }
}

/** Keywords whose values map names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);

function walk(value: unknown, visit: (node: SchemaNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (!isNode(value)) return;
  visit(value);
  for (const [key, child] of Object.entries(value)) {
    if (SCHEMA_MAPS.has(key) && isNode(child)) {
      for (const schema of Object.values(child)) walk(schema, visit);
    } else if (!DATA_KEYWORDS.has(key)) {
      walk(child, visit);
    }
  }
}

function annotateDefinitions(definitions: SchemaNode): void {
  for (const [name, definition] of Object.entries(definitions)) {
    if (!isNode(definition)) continue;
    if (name.endsWith('.api.resource.Quantity')) definition['x-kubegate-quantity'] = true;
    const listMaps = LIST_MAP_KEYS[name];
    const properties = definition['properties'];
    if (!listMaps || !isNode(properties)) continue;
    for (const [property, keys] of Object.entries(listMaps)) {
      const schema = properties[property];
      if (isNode(schema) && schema['x-kubernetes-list-map-keys'] === undefined) {
        schema['x-kubernetes-list-type'] = 'map';
        schema['x-kubernetes-list-map-keys'] = [...keys];
      }
    }
  }
}

/** Mutates `schema` (a freshly parsed document) into the form kubegate compiles. */
export function normalizeSchema(schema: SchemaNode): SchemaNode {
  if (typeof schema['$schema'] === 'string' && !DRAFT_07.test(schema['$schema'])) delete schema['$schema'];
  walk(schema, fixExclusiveBounds);
  if (isNode(schema['definitions'])) annotateDefinitions(schema['definitions']);
  return schema;
}
