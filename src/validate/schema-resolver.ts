// Finds and compiles the schema of a kind: tries each schema location in
// order (a missing file or a 404 means "try the next one", any other failure
// is an error), compiles once per schema document, and first loads the
// documents a schema refers to ($ref to a sibling _definitions.json, or to a
// URL), so that the lazy references can compile their targets when reached.
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { fetchSchemaUrl, readSchemaFile, type SchemaReadEnvironment, type SchemaText } from './fetch-schema-text.js';
import { normalizeSchema, normalizeSubschema, prepareLazyDocument } from './normalize-schema.js';
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
  return value as AnySchemaObject;
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
  /** Schema documents, loaded or being loaded, by URI. */
  private readonly documents = new Map<string, Promise<void>>();
  private readonly loaded = new Map<string, AnySchemaObject>();
  /** Schemas of lazily prepared documents that have been normalized. */
  private readonly normalized = new WeakSet<object>();

  constructor(private readonly options: SchemaResolverOptions) {
    this.ajv = createAjv((uri) => this.resolveReference(uri));
  }

  /** The schema at "<document URI>#<JSON pointer>", in a document already loaded. */
  private resolveReference(uri: string): AnySchemaObject | boolean | undefined {
    const hash = uri.indexOf('#');
    const document = hash === -1 ? uri : uri.slice(0, hash);
    let node: unknown = this.loaded.get(document);
    const pointer = hash === -1 ? '' : decodeURIComponent(uri.slice(hash + 1));
    for (const raw of pointer.split('/').slice(1)) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (typeof node === 'boolean') return node;
    if (node === null || typeof node !== 'object') return undefined;
    if (!this.normalized.has(node)) {
      normalizeSubschema(node, document);
      this.normalized.add(node);
    }
    return node as AnySchemaObject;
  }

  /** The compiled schema for a kind, undefined when no location has one. */
  resolve(apiVersion: string, kind: string): Promise<CompiledSchema | undefined> {
    // kind and apiVersion come from the manifest and end up in a file path or
    // URL: anything Kubernetes itself would not accept has no schema.
    if (!isSafeTypeName(apiVersion, kind)) return Promise.resolve(undefined);
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
    if (!this.documents.has(uri)) {
      const text = await this.read(uri);
      if (!text.found) return undefined;
      const schema = parseSchema(text.text, display);
      if (builtin) ignoreStatus(schema);
      if (!this.documents.has(uri)) this.documents.set(uri, this.register(uri, schema, normalizeSchema(schema, uri)));
    }
    await this.documents.get(uri);
    try {
      const schema = this.loaded.get(uri);
      if (!schema) throw new Error('it was not loaded');
      return { validate: this.ajv.compile(schema), display };
    } catch (err: unknown) {
      throw new SchemaError(`schema ${display} cannot be used: ${describe(err)}`);
    }
  }

  /** Keeps a parsed document, after loading the documents it refers to. */
  private async register(uri: string, schema: AnySchemaObject, references: Set<string>): Promise<void> {
    delete schema['$id'];
    this.loaded.set(uri, schema);
    await Promise.all([...references].map((document) => this.addDocument(document)));
  }

  /** A document some schema refers to, loaded once. */
  private addDocument(uri: string): Promise<void> {
    let added = this.documents.get(uri);
    if (!added) {
      added = this.read(uri).then((text) => {
        if (!text.found) throw new SchemaError(`${text.reason} (a schema refers to ${uri})`);
        const schema = parseSchema(text.text, uri);
        return this.register(uri, schema, prepareLazyDocument(schema, text.text, uri));
      });
      this.documents.set(uri, added);
    }
    return added;
  }

  private read(uri: string): Promise<SchemaText> {
    return uri.startsWith('file:') ? readSchemaFile(fileURLToPath(uri)) : fetchSchemaUrl(uri, this.options);
  }

}

const KIND = /^[A-Za-z]([-A-Za-z0-9]*[A-Za-z0-9])?$/;
const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A kind and apiVersion of the shape Kubernetes accepts (so no path or URL tricks). */
export function isSafeTypeName(apiVersion: string, kind: string): boolean {
  return KIND.test(kind) && API_VERSION.test(apiVersion);
}
