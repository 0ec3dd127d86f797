// Prepares a loaded schema document for Ajv (draft-07): kubeconform-style
// schemas are draft-04 (boolean exclusiveMinimum, foreign $schema values),
// kubegate's Kubernetes-specific checks are attached as keywords to the
// definitions they concern (resource quantities, list-map keys), and every
// $ref becomes a lazy reference (x-kubegate-ref, see create-ajv.ts) with an
// absolute URI, so that compiling a kind compiles only what its objects use.
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

export const LAZY_REF = 'x-kubegate-ref';

function makeRefsLazy(node: SchemaNode, baseUri: string): void {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return;
  delete node['$ref'];
  node[LAZY_REF] = ref.startsWith('#') ? `${baseUri.split('#')[0] ?? baseUri}${ref}` : new URL(ref, baseUri).href;
}

function normalizeNode(node: SchemaNode, baseUri: string | undefined, documents: Set<string>): void {
  fixExclusiveBounds(node);
  if (baseUri === undefined) return;
  makeRefsLazy(node, baseUri);
  const target = node[LAZY_REF];
  if (typeof target === 'string') documents.add(target.split('#')[0] ?? target);
}

function prepareDocument(schema: SchemaNode): void {
  if (typeof schema['$schema'] === 'string' && !DRAFT_07.test(schema['$schema'])) delete schema['$schema'];
  if (isNode(schema['definitions'])) annotateDefinitions(schema['definitions']);
}

/**
 * Mutates `schema` (a freshly parsed document, read from `baseUri`) into the
 * form kubegate compiles. Returns the other documents it refers to.
 */
export function normalizeSchema(schema: SchemaNode, baseUri?: string): Set<string> {
  prepareDocument(schema);
  const documents = new Set<string>();
  walk(schema, (node) => normalizeNode(node, baseUri, documents));
  if (baseUri !== undefined) documents.delete(baseUri.split('#')[0] ?? baseUri);
  return documents;
}

/**
 * For big documents of definitions: prepares the document now, and returns
 * the documents its text refers to (found without walking it). Each schema
 * of it is then normalized with normalizeSubschema when first referenced.
 */
export function prepareLazyDocument(schema: SchemaNode, text: string, baseUri: string): Set<string> {
  prepareDocument(schema);
  const documents = new Set<string>();
  for (const match of text.matchAll(/"\$ref"\s*:\s*"([^"#]*)/g)) {
    if (match[1]) documents.add(new URL(match[1], baseUri).href);
  }
  documents.delete(baseUri);
  return documents;
}

/** Normalizes one schema of a document prepared with prepareLazyDocument (idempotent). */
export function normalizeSubschema(schema: unknown, baseUri: string): void {
  walk(schema, (node) => normalizeNode(node, baseUri, new Set()));
}

/** Removes the descriptions of a schema's nodes (precompiled code embeds schemas; descriptions are never checked). */
export function dropDescriptions(schema: unknown): void {
  walk(schema, (node) => {
    if (typeof node['description'] === 'string') delete node['description'];
  });
}
