// Validates requests (and the fakes' responses) against GitHub's OpenAPI
// description with ajv. OpenAPI 3.0 schemas are converted to JSON Schema on
// the way in (nullable -> a "null" type, $ref into components, no example or
// x-* keywords); each operation's validators are compiled the first time the
// operation is seen.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isObject, resolveRef, type JsonObject, type OpenApiDocument } from './openapi-description.js';
import type { MatchedOperation } from './openapi-operations.js';

const addFormats = addFormatsModule.default;
const COMPONENTS_ID = 'github-openapi';
/** Keywords whose values are data, not schemas: left as they are. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required']);
const DROPPED_KEYWORDS = new Set(['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated']);

export interface OperationValidator {
  /** Path and query parameters (values arrive as strings; those not declared strings are coerced). */
  parameters(match: MatchedOperation, query: Record<string, string>): string[];
  requestBody(match: MatchedOperation, body: unknown): string[];
  response(match: MatchedOperation, status: number, body: unknown): string[];
}

const validators = new WeakMap<OpenApiDocument, OperationValidator>();

export function operationValidator(document: OpenApiDocument): OperationValidator {
  let validator = validators.get(document);
  if (!validator) {
    validator = createValidator(document);
    validators.set(document, validator);
  }
  return validator;
}

function createValidator(document: OpenApiDocument): OperationValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: toJsonSchema(document.components['schemas'] ?? {}) } });
  const compiled = new Map<string, ValidateFunction | undefined>();
  const compile = (key: string, make: () => unknown): ValidateFunction | undefined => {
    if (!compiled.has(key)) {
      const schema = make();
      compiled.set(key, schema === undefined ? undefined : ajv.compile(toJsonSchema(schema) as JsonObject));
    }
    return compiled.get(key);
  };

  return {
    parameters(match, query) {
      const schema = parametersSchema(document, match);
      const validate = compile(`${match.operationId} parameters`, () => schema);
      const values: Record<string, unknown> = {};
      for (const [name, value] of Object.entries({ ...query, ...match.params })) values[name] = declaresString(schema, name) ? value : coerce(value);
      return check(validate, values, 'parameters');
    },
    requestBody(match, body) {
      const requestBody = resolveRef(document, match.operation.requestBody);
      if (!isObject(requestBody)) return body === undefined ? [] : [`${match.operationId} takes no request body`];
      if (body === undefined) return requestBody['required'] === true ? [`${match.operationId} requires a request body`] : [];
      const validate = compile(`${match.operationId} request`, () => jsonSchemaOf(requestBody));
      return check(validate, body, 'request body');
    },
    response(match, status, body) {
      const responses = match.operation.responses ?? {};
      const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
      if (declared === undefined && status >= 400) {
        // GitHub answers errors the description does not list (a 404 for a
        // missing commit's tarball): they must still be GitHub's error shape.
        const validate = compile('basic-error', () => ({ $ref: '#/components/schemas/basic-error' }));
        return check(validate, body, `response ${status}`);
      }
      if (declared === undefined) return [`${match.operationId} does not answer HTTP ${status}`];
      const validate = compile(`${match.operationId} ${status}`, () => jsonSchemaOf(resolveRef(document, declared)));
      return validate ? check(validate, body, `response ${status}`) : [];
    },
  };
}

function jsonSchemaOf(holder: unknown): unknown {
  if (!isObject(holder) || !isObject(holder['content'])) return undefined;
  const media = holder['content']['application/json'];
  return isObject(media) ? media['schema'] : undefined;
}

function parametersSchema(document: OpenApiDocument, match: MatchedOperation): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const raw of match.operation.parameters ?? []) {
    const parameter = resolveRef(document, raw);
    if (!isObject(parameter) || typeof parameter['name'] !== 'string') continue;
    if (parameter['in'] !== 'path' && parameter['in'] !== 'query') continue;
    properties[parameter['name']] = isObject(parameter['schema']) ? parameter['schema'] : {};
    if (parameter['required'] === true) required.push(parameter['name']);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** A string parameter ("?recursive=1" of git/get-tree) stays a string. */
function declaresString(schema: JsonObject, name: string): boolean {
  const properties = schema['properties'];
  const property = isObject(properties) ? properties[name] : undefined;
  return isObject(property) && property['type'] === 'string';
}

function coerce(value: string): unknown {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function check(validate: ValidateFunction | undefined, data: unknown, what: string): string[] {
  if (!validate || validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${what}: ${describe(e)}`);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** OpenAPI 3.0 schema -> JSON Schema (draft-07) as ajv reads it. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.startsWith('#/') ? `${COMPONENTS_ID}${value}` : value;
    else if (key === 'properties' && isObject(value)) out[key] = mapValues(value, toJsonSchema);
    else out[key] = DATA_KEYWORDS.has(key) ? value : toJsonSchema(value);
  }
  return node['nullable'] === true ? allowNull(out) : out;
}

function allowNull(schema: JsonObject): JsonObject {
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) schema['enum'] = [...schema['enum'], null];
  if (typeof schema['type'] === 'string') return { ...schema, type: [schema['type'], 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function mapValues(object: JsonObject, fn: (value: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v)]));
}
