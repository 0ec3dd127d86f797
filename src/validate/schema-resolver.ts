// Finds and compiles the schema of a kind: tries each schema location in
// order (a missing file or a 404 means "try the next one", any other failure
// is an error) and compiles once per schema document, or takes the code the
// build precompiled for a built-in schema (precompiled-schemas.ts).
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { fetchSchemaUrl, readSchemaFile, type SchemaReadEnvironment, type SchemaText } from './fetch-schema-text.js';
import { loadPrecompiledSchemas, type PrecompiledSchemas } from './precompiled-schemas.js';
import { SchemaDocuments, SchemaError } from './schema-documents.js';
import { schemaPathFor, type SchemaLocation, type SchemaQuery } from './schema-location.js';
import { lazyLinker } from './schema-references.js';

export { SchemaError } from './schema-documents.js';

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

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class SchemaResolver {
  private ajvInstance: Ajv | undefined;
  private readonly byKind = new Map<string, Promise<CompiledSchema | undefined>>();
  private readonly byUri = new Map<string, Promise<CompiledSchema | undefined>>();
  private readonly documents = new SchemaDocuments((uri) => this.read(uri));
  /** Precompiled schemas by built-in folder (undefined: none usable). */
  private readonly precompiled = new Map<string, PrecompiledSchemas | undefined>();

  constructor(private readonly options: SchemaResolverOptions) {}

  /** Created on first need: precompiled schemas do without. */
  private get ajv(): Ajv {
    this.ajvInstance ??= createAjv(lazyLinker((uri) => this.compileReference(uri)));
    return this.ajvInstance;
  }

  private compileReference(uri: string): ValidateFunction {
    const schema = this.documents.resolveReference(uri);
    if (schema === undefined) throw new Error(`the schema reference ${uri} points to nothing`);
    return this.ajv.compile(schema);
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
    const precompiled = builtin ? this.precompiledValidator(uri) : undefined;
    if (precompiled) return { validate: precompiled, display };
    const schema = await this.documents.load(uri, display, builtin);
    if (!schema) return undefined;
    try {
      return { validate: this.ajv.compile(schema), display };
    } catch (err: unknown) {
      throw new SchemaError(`schema ${display} cannot be used: ${describe(err)}`);
    }
  }

  /** The build's code for a built-in schema file, when there is usable code for it. */
  private precompiledValidator(uri: string): ValidateFunction | undefined {
    const path = fileURLToPath(uri);
    const folder = dirname(path);
    if (!this.precompiled.has(folder)) this.precompiled.set(folder, loadPrecompiledSchemas(folder));
    return this.precompiled.get(folder)?.validator(basename(path));
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
