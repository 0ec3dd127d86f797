// The validator: for each object, kubeconform's steps (strict parsing, skip,
// reject, find the schema, validate) and then the checks the API server makes
// that a schema misses. CustomResourceDefinitions among the objects (and in
// options.crds) validate their custom resources.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import type { ManifestObject } from '../core/types.js';
import { findBuiltinSchemas } from './builtin-schemas.js';
import { runKubernetesChecks } from './checks/run-kubernetes-checks.js';
import { CrdRegistry, isCrd } from './crd-registry.js';
import { crdToJsonSchema } from './crd-to-json-schema.js';
import { describeSchemaErrors } from './describe-schema-errors.js';
import { duplicateKeyErrors, invalidMessage } from './describe-result.js';
import { dropNullFields } from './drop-null-fields.js';
import type { FetchLike } from './fetch-schema-text.js';
import { findPackageRoot } from './find-package-root.js';
import { kindMatcher } from './kind-filter.js';
import { normalizeSchema } from './normalize-schema.js';
import { parseSchemaLocation } from './schema-location.js';
import { createAjv } from './create-ajv.js';
import { SchemaError, SchemaResolver, type CompiledSchema, type SchemaResolverOptions } from './schema-resolver.js';
import type { FieldError, ResourceResult, Validator, ValidatorOptions } from './types.js';

/** Side effects of a validator, with real defaults. */
export interface ValidatorEnvironment {
  /** Base of relative schema locations. Default: process.cwd(). */
  cwd?: string;
  /** For http(s) schema locations. Default: global fetch. */
  fetch?: FetchLike;
  /** kubeconform's --cache folder for downloaded schemas. */
  cacheDir?: string;
  /** The package whose built-in schemas "default" uses. Default: found from this module. */
  packageRoot?: string;
}

/** A validator option that cannot work (bad template, missing cache folder). */
export class ValidatorConfigError extends Error {
  override name = 'ValidatorConfigError';
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function checkCacheDir(cacheDir: string, cwd: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(resolve(cwd, cacheDir)).isDirectory();
  } catch {
    throw new ValidatorConfigError(`failed opening cache folder ${cacheDir}: stat ${cacheDir}: no such file or directory`);
  }
  if (!isDirectory) throw new ValidatorConfigError(`cache folder ${cacheDir} is not a directory`);
}

/**
 * Resolvers of built-in schemas only, shared by the validators of a process:
 * compiling a kind's schema takes tens of milliseconds, and the app creates a
 * validator per pull request.
 */
const sharedResolvers = new Map<string, SchemaResolver>();

function resolverFor(options: SchemaResolverOptions, shareable: boolean): SchemaResolver {
  if (!shareable) return new SchemaResolver(options);
  const key = JSON.stringify([options.locations.map((l) => l.template), options.kubernetesVersion, options.strict, options.packageRoot]);
  let resolver = sharedResolvers.get(key);
  if (!resolver) {
    resolver = new SchemaResolver(options);
    sharedResolvers.set(key, resolver);
  }
  return resolver;
}

class KubegateValidator implements Validator {
  private readonly crds = new CrdRegistry();
  private readonly crdValidators = new Map<string, CompiledSchema>();
  private crdAjv: Ajv | undefined;
  private readonly skip;
  private readonly reject;

  constructor(
    private readonly options: ValidatorOptions,
    private readonly resolver: SchemaResolver,
  ) {
    this.skip = kindMatcher(options.skipKinds);
    this.reject = kindMatcher(options.rejectKinds);
    this.crds.add(options.crds ?? []);
  }

  async validate(objects: readonly ManifestObject[]): Promise<ResourceResult[]> {
    this.crds.add(objects.filter(isCrd));
    const results: ResourceResult[] = [];
    for (const object of objects) results.push(await this.validateOne(object));
    return results;
  }

  private async validateOne(object: ManifestObject): Promise<ResourceResult> {
    const result = (status: ResourceResult['status'], msg?: string): ResourceResult => ({
      file: object.source.file,
      object,
      status,
      ...(msg === undefined ? {} : { msg }),
      validationErrors: [],
    });
    if (this.options.strict && object.duplicateKeys && object.duplicateKeys.length > 0) {
      const { msg, errors } = duplicateKeyErrors(object.duplicateKeys);
      return { ...result('error', msg), validationErrors: errors };
    }
    if (!object.kind) return result('error', "error while parsing: missing 'kind' key");
    if (!object.apiVersion) return result('error', "error while parsing: missing 'apiVersion' key");
    if (this.skip(object.apiVersion, object.kind)) return result('skipped');
    if (this.reject(object.apiVersion, object.kind)) return result('error', `prohibited resource kind ${object.kind}`);
    let schema: CompiledSchema | undefined;
    try {
      schema = this.crdSchema(object) ?? (await this.resolver.resolve(object.apiVersion, object.kind));
    } catch (err: unknown) {
      if (err instanceof Error) return result('error', describe(err));
      throw err;
    }
    if (!schema) return this.options.ignoreMissingSchemas ? result('skipped') : result('error', `could not find schema for ${object.kind}`);
    return this.check(object, schema, result);
  }

  private check(object: ManifestObject, schema: CompiledSchema, result: (s: ResourceResult['status'], m?: string) => ResourceResult): ResourceResult {
    let schemaErrors;
    try {
      schemaErrors = this.schemaErrors(schema, object.body);
    } catch (err: unknown) {
      return result('error', `schema ${schema.display} cannot be used: ${describe(err)}`);
    }
    const checkErrors = runKubernetesChecks(object);
    if (schemaErrors.length === 0 && checkErrors.length === 0) return result('valid');
    return { ...result('invalid', invalidMessage(schema.display, schemaErrors, checkErrors)), validationErrors: [...schemaErrors, ...checkErrors] };
  }

  /** Problems the schema finds; null fields count as absent, as at the API server (checked only when it matters). */
  private schemaErrors(schema: CompiledSchema, body: Record<string, unknown>): FieldError[] {
    if (schema.validate(body)) return [];
    const data = dropNullFields(body);
    if (data !== body && schema.validate(data)) return [];
    return describeSchemaErrors(schema.validate.errors, data);
  }

  private crdSchema(object: ManifestObject): CompiledSchema | undefined {
    const found = this.crds.find(object.apiVersion, object.kind);
    if (!found) return undefined;
    let compiled = this.crdValidators.get(found.key);
    if (!compiled) {
      let validate: ValidateFunction;
      try {
        this.crdAjv ??= createAjv();
        const schema = crdToJsonSchema(found.schema.openAPIV3Schema, this.options.strict ?? false);
        normalizeSchema(schema);
        validate = this.crdAjv.compile(schema);
      } catch (err: unknown) {
        throw new SchemaError(`the schema of ${found.schema.display} cannot be used: ${describe(err)}`);
      }
      compiled = { validate, display: found.schema.display };
      this.crdValidators.set(found.key, compiled);
    }
    return compiled;
  }
}

/**
 * A validator for the given options. Throws ValidatorConfigError when an
 * option cannot work (a schema location template kubeconform would refuse,
 * a cache folder that does not exist).
 */
export function createValidator(options: ValidatorOptions = {}, env: ValidatorEnvironment = {}): Validator {
  const cwd = env.cwd ?? process.cwd();
  const packageRoot = env.packageRoot ?? findPackageRoot();
  const kubernetesVersion = options.kubernetesVersion ?? 'master';
  const locationsGiven = options.schemaLocations && options.schemaLocations.length > 0 ? options.schemaLocations : ['default'];
  let builtinTemplate = '';
  if (locationsGiven.includes('default')) builtinTemplate = findBuiltinSchemas(kubernetesVersion, packageRoot).template;
  let locations;
  try {
    locations = locationsGiven.map((location) => parseSchemaLocation(location, builtinTemplate));
  } catch (err: unknown) {
    throw new ValidatorConfigError(describe(err));
  }
  if (env.cacheDir) checkCacheDir(env.cacheDir, cwd);
  const resolverOptions: SchemaResolverOptions = {
    locations,
    kubernetesVersion,
    strict: options.strict ?? false,
    cwd,
    packageRoot,
    ...(env.fetch ? { fetch: env.fetch } : {}),
    ...(env.cacheDir ? { cacheDir: resolve(cwd, env.cacheDir) } : {}),
  };
  return new KubegateValidator(options, resolverFor(resolverOptions, locations.every((l) => l.source === 'builtin')));
}
