// Reading a CRD's structural schema (openAPIV3Schema) node by node.

export type SchemaNode = Readonly<Record<string, unknown>>;

export function isSchemaNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const NO_PROPERTIES: Readonly<Record<string, SchemaNode>> = Object.freeze({});
/** By schema node: rules and defaults read the same nodes for every object. */
const propertiesCache = new WeakMap<SchemaNode, Readonly<Record<string, SchemaNode>>>();

export function propertiesOf(node: SchemaNode): Readonly<Record<string, SchemaNode>> {
  const properties = node['properties'];
  if (!isSchemaNode(properties)) return NO_PROPERTIES;
  let found = propertiesCache.get(node);
  if (!found) {
    found = Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, SchemaNode] => isSchemaNode(entry[1])));
    propertiesCache.set(node, found);
  }
  return found;
}

export function hasProperties(node: SchemaNode): boolean {
  return isSchemaNode(node['properties']);
}

/** additionalProperties when it is a schema (true/false are not). */
export function additionalPropertiesOf(node: SchemaNode): SchemaNode | undefined {
  const value = node['additionalProperties'];
  return isSchemaNode(value) ? value : undefined;
}

export function itemsOf(node: SchemaNode): SchemaNode | undefined {
  const value = node['items'];
  return isSchemaNode(value) ? value : undefined;
}

export function allOfOf(node: SchemaNode): SchemaNode[] {
  const value = node['allOf'];
  return Array.isArray(value) ? value.filter(isSchemaNode) : [];
}

export function isEmbeddedResource(node: SchemaNode): boolean {
  return node['x-kubernetes-embedded-resource'] === true;
}

export function isIntOrString(node: SchemaNode): boolean {
  return node['x-kubernetes-int-or-string'] === true;
}

export function stringField(node: SchemaNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

const STRING: SchemaNode = { type: 'string' };

function isString(node: SchemaNode | undefined): boolean {
  return node?.['type'] === 'string';
}

/**
 * The schema as the root of a resource is seen by rules: apiVersion and kind,
 * and of metadata only name and generateName (model.WithTypeAndObjectMeta).
 */
export function withTypeAndObjectMeta(node: SchemaNode): SchemaNode {
  const properties = propertiesOf(node);
  const metadata = properties['metadata'];
  const metaProperties = metadata ? propertiesOf(metadata) : {};
  const complete =
    isString(properties['kind']) &&
    isString(properties['apiVersion']) &&
    metadata?.['type'] === 'object' &&
    isString(metaProperties['name']) &&
    isString(metaProperties['generateName']);
  if (complete) return node;
  return {
    ...node,
    properties: {
      ...properties,
      kind: STRING,
      apiVersion: STRING,
      metadata: { type: 'object', properties: { name: STRING, generateName: STRING } },
    },
  };
}
