// Schema documents, loaded once each: a kind's document is normalized when
// loaded (normalize-schema.ts), after the documents it refers to ($ref to a
// sibling _definitions.json, or to a URL) are loaded too; each schema inside
// such a referenced document is normalized when first referenced.
import type { AnySchemaObject } from 'ajv';
import type { SchemaText } from './fetch-schema-text.js';
import { normalizeSchema, normalizeSubschema, prepareLazyDocument } from './normalize-schema.js';

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

export class SchemaDocuments {
  /** Documents, loaded or being loaded, by URI. */
  private readonly documents = new Map<string, Promise<void>>();
  private readonly loaded = new Map<string, AnySchemaObject>();
  /** Schemas of lazily prepared documents that have been normalized. */
  private readonly normalized = new WeakSet<object>();

  constructor(private readonly read: (uri: string) => Promise<SchemaText>) {}

  /**
   * The document at `uri`, normalized, once the documents it refers to are
   * loaded; undefined when it does not exist. `builtin`: a built-in kind's
   * document (its status is not validated).
   */
  async load(uri: string, display: string, builtin: boolean): Promise<AnySchemaObject | undefined> {
    if (!this.documents.has(uri)) {
      const text = await this.read(uri);
      if (!text.found) return undefined;
      const schema = parseSchema(text.text, display);
      if (builtin) ignoreStatus(schema);
      if (!this.documents.has(uri)) this.documents.set(uri, this.register(uri, schema, normalizeSchema(schema, uri)));
    }
    await this.documents.get(uri);
    return this.loaded.get(uri);
  }

  /** The schema at "<document URI>#<JSON pointer>", in a document already loaded. */
  resolveReference(uri: string): AnySchemaObject | boolean | undefined {
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
}
