// A CustomResourceDefinition's openAPIV3Schema as a JSON schema Ajv can
// compile, with the API server's structural-schema semantics:
// nullable, x-kubernetes-int-or-string, x-kubernetes-embedded-resource,
// x-kubernetes-preserve-unknown-fields, and in strict mode unknown fields
// rejected (the server prunes them, or refuses them under strict field
// validation). x-kubernetes-validations (CEL rules) are evaluated apart, by
// crd-rules/.

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const OBJECT_META_FIELDS: SchemaNode = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: { type: 'object' },
};

function withTypeMetaProperties(node: SchemaNode): void {
  const properties = isNode(node['properties']) ? { ...node['properties'] } : {};
  for (const [name, schema] of Object.entries(OBJECT_META_FIELDS)) {
    if (properties[name] === undefined) properties[name] = schema;
  }
  node['properties'] = properties;
}

function convertChildren(node: SchemaNode, strict: boolean): void {
  const properties = node['properties'];
  if (isNode(properties)) {
    node['properties'] = Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, convertNode(schema, strict)]));
  }
  if (isNode(node['items'])) node['items'] = convertNode(node['items'], strict);
  if (isNode(node['additionalProperties'])) node['additionalProperties'] = convertNode(node['additionalProperties'], strict);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[keyword];
    if (Array.isArray(list)) node[keyword] = list.map((schema: unknown) => convertNode(schema, strict));
  }
  if (isNode(node['not'])) node['not'] = convertNode(node['not'], strict);
}

function convertNode(input: unknown, strict: boolean): unknown {
  if (!isNode(input)) return input;
  const node: SchemaNode = { ...input };
  if (node['x-kubernetes-int-or-string'] === true && !Array.isArray(node['anyOf']) && !Array.isArray(node['oneOf'])) {
    node['type'] = ['integer', 'string'];
  }
  if (node['nullable'] === true) {
    if (typeof node['type'] === 'string') node['type'] = [node['type'], 'null'];
    if (Array.isArray(node['enum'])) node['enum'] = [...(node['enum'] as unknown[]), null];
  }
  delete node['nullable'];
  if (node['x-kubernetes-embedded-resource'] === true) withTypeMetaProperties(node);
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (strict && !preserve && isNode(node['properties']) && node['additionalProperties'] === undefined) {
    node['additionalProperties'] = false;
  }
  convertChildren(node, strict);
  return node;
}

/** The JSON schema for custom resources of one version of a CRD. */
export function crdToJsonSchema(openAPIV3Schema: unknown, strict: boolean): SchemaNode {
  const root = convertNode(isNode(openAPIV3Schema) ? openAPIV3Schema : {}, strict) as SchemaNode;
  if (root['type'] === 'object' || isNode(root['properties'])) withTypeMetaProperties(root);
  return root;
}
