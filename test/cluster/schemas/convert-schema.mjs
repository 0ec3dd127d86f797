// OpenAPI v3 schema (as kube-apiserver serves it) -> JSON schema draft-07, by
// rules close to kubeconform's openapi2jsonschema (docs/control-plane.md):
// - allOf: [{$ref}] wrappers become a plain $ref; $refs are rewritten;
// - "default", "enum" and x-kubernetes-* extensions are dropped;
// - a property that is not required and has its own "type" also accepts null;
// - strict: additionalProperties: false on every object schema with
//   "properties" and no additionalProperties of its own, unless it carries
//   x-kubernetes-preserve-unknown-fields.
const COMPONENT_PREFIX = '#/components/schemas/';
const DROPPED = new Set(['default', 'enum', 'example', 'nullable']);

function nullable(schema) {
  if (typeof schema.type === 'string' && schema.type !== 'null') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type) && !schema.type.includes('null')) return { ...schema, type: [...schema.type, 'null'] };
  return schema;
}

function unwrapAllOf(node) {
  const { allOf, ...rest } = node;
  if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(allOf[0]).length === 1 && allOf[0].$ref && !rest.$ref) {
    return { ...rest, $ref: allOf[0].$ref };
  }
  return node;
}

/**
 * options: { refPrefix, strict, refs } — refPrefix replaces "#/components/schemas/";
 * refs (a Set) collects the referenced definition names.
 */
export function convertSchema(input, options) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const node = unwrapAllOf(input);
  const preserveUnknown = node['x-kubernetes-preserve-unknown-fields'] === true;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    out[key] = convertKeyword(key, value, node, options);
  }
  if (node.nullable === true) Object.assign(out, nullable(out));
  if (options.strict && out.properties && out.additionalProperties === undefined && !preserveUnknown) {
    out.additionalProperties = false;
  }
  return out;
}

function convertKeyword(key, value, node, options) {
  switch (key) {
    case '$ref':
      return rewriteRef(value, options);
    case 'properties':
      return convertProperties(value, new Set(node.required ?? []), options);
    case 'items':
    case 'additionalProperties':
    case 'not':
      return convertSchema(value, options);
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return value.map((item) => convertSchema(item, options));
    default:
      return value;
  }
}

function convertProperties(properties, required, options) {
  const out = {};
  for (const [name, schema] of Object.entries(properties)) {
    const converted = convertSchema(schema, options);
    out[name] = required.has(name) ? converted : nullable(converted);
  }
  return out;
}

function rewriteRef(ref, { refPrefix, refs }) {
  if (!ref.startsWith(COMPONENT_PREFIX)) throw new Error(`unexpected $ref ${ref} (only ${COMPONENT_PREFIX}... is known)`);
  const name = ref.slice(COMPONENT_PREFIX.length);
  refs?.add(name);
  return `${refPrefix}${name}`;
}

export { nullable };
