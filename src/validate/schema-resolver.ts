// Finds and compiles the schema of a kind: tries each schema location in
// order (a missing file or a 404 means "try the next one", any other failure
// is an error), compiles once per schema document, and loads the documents a
// schema refers to ($ref to a sibling _definitions.json, or to a URL) on demand.
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { fetchSchemaUrl, readSchemaFile, type SchemaReadEnvironment, type SchemaText } from './fetch-schema-text.js';
import { normalizeSchema } from './normalize-schema.js';
import { schemaPathFor, type SchemaLocation, type SchemaQuery } from './schema-location.js';

export interface CompiledSchema {
  validate: ValidateFunction;
  /** How messages name the schema ("https://...json", "schemas/deployment.json", "kubegate:schemas/..."). */
  display: string;
}

export interface SchemaResolverOptions extends SchemaReadEnvironment {
  locations: readonly SchemaLocation[];
  kubernetesVersion: string;
  strict: boolean;
  cwd: string;
  /** Root under which built-in schemas are named "kubegate:<relative path>". */
  packageRoot: string;
}

/** A schema that exists but cannot be used: unreadable, not JSON, or not compilable. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseSchema(text: string, display: string): AnySchemaObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err: unknown) {
    throw new SchemaError(`schema ${display} is not valid JSON: ${describe(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SchemaError(`schema ${display} is not a JSON object`);
  return normalizeSchema(value as Record<string, unknown>);
}

/**
 * Built-in kinds serve status through a subresource: the API server ignores a
 * status sent with the object, so it is not validated (and its schemas, some
 * of the largest, are not compiled).
 */
function ignoreStatus(schema: AnySchemaObject): void {
  const properties: unknown = schema['properties'];
  if (properties !== null && typeof properties === 'object' && 'status' in properties) {
    (properties as Record<string, unknown>)['status'] = { description: 'not validated: the API server ignores the status sent with an object' };
  }
}

export class SchemaResolver {
  private readonly ajv;
  private readonly byKind = new Map<string, Promise<CompiledSchema | undefined>>();
  private readonly byUri = new Map<string, Promise<CompiledSchema | undefined>>();

  constructor(private readonly options: SchemaResolverOptions) {
    this.ajv = createAjv((uri) => this.loadReference(uri));
  }

  /** The compiled schema for a kind, undefined when no location has one. */
  resolve(apiVersion: string, kind: string): Promise<CompiledSchema | undefined> {
    const key = `${apiVersion}|${kind}`;
    let found = this.byKind.get(key);
    if (!found) {
      found = this.search({ apiVersion, kind, kubernetesVersion: this.options.kubernetesVersion, strict: this.options.strict });
      this.byKind.set(key, found);
    }
    return found;
  }

  private async search(query: SchemaQuery): Promise<CompiledSchema | undefined> {
    for (const location of this.options.locations) {
      const path = schemaPathFor(location, query);
      const uri = location.source === 'http' ? path : pathToFileURL(resolve(this.options.cwd, path)).href;
      let compiled = this.byUri.get(uri);
      if (!compiled) {
        compiled = this.compile(uri, this.displayName(location, path), location.source === 'builtin');
        this.byUri.set(uri, compiled);
      }
      const schema = await compiled;
      if (schema) return schema;
    }
    return undefined;
  }

  private displayName(location: SchemaLocation, path: string): string {
    if (location.source !== 'builtin') return path;
    const inside = relative(this.options.packageRoot, path);
    return isAbsolute(inside) || inside.startsWith('..') ? path : `kubegate:${inside.split('\\').join('/')}`;
  }

  private async compile(uri: string, display: string, builtin: boolean): Promise<CompiledSchema | undefined> {
    const text = await this.read(uri);
    if (!text.found) return undefined;
    const schema = parseSchema(text.text, display);
    if (builtin) ignoreStatus(schema);
    if (typeof schema['$id'] !== 'string') schema['$id'] = uri;
    try {
      return { validate: await this.ajv.compileAsync(schema), display };
    } catch (err: unknown) {
      throw new SchemaError(`schema ${display} cannot be used: ${describe(err)}`);
    }
  }

  private read(uri: string): Promise<SchemaText> {
    return uri.startsWith('file:') ? readSchemaFile(fileURLToPath(uri)) : fetchSchemaUrl(uri, this.options);
  }

  private async loadReference(uri: string): Promise<AnySchemaObject> {
    const document = uri.split('#')[0] ?? uri;
    const text = await this.read(document);
    if (!text.found) throw new SchemaError(`${text.reason} (referred to by a schema as ${document})`);
    return parseSchema(text.text, document);
  }
}
