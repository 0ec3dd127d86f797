// Creates a validator from kubeconform-style options, checking first that
// every option can work (templates, cache folder, built-in schemas present).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findBuiltinSchemas } from './builtin-schemas.js';
import type { FetchLike } from './fetch-schema-text.js';
import { findPackageRoot } from './find-package-root.js';
import { KubegateValidator } from './kubegate-validator.js';
import { parseSchemaLocation, type SchemaLocation } from './schema-location.js';
import { resolverFor } from './shared-resolvers.js';
import type { Validator, ValidatorOptions } from './types.js';

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

/** A validator option that cannot work (bad template, missing cache folder, no built-in schemas). */
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

function schemaLocations(given: readonly string[], kubernetesVersion: string, packageRoot: string): SchemaLocation[] {
  try {
    const builtin = given.includes('default') ? findBuiltinSchemas(kubernetesVersion, packageRoot).template : '';
    return given.map((location) => parseSchemaLocation(location, builtin));
  } catch (err: unknown) {
    throw new ValidatorConfigError(describe(err));
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
  const given = options.schemaLocations && options.schemaLocations.length > 0 ? options.schemaLocations : ['default'];
  const locations = schemaLocations(given, kubernetesVersion, packageRoot);
  if (env.cacheDir) checkCacheDir(env.cacheDir, cwd);
  const resolver = resolverFor({
    locations,
    kubernetesVersion,
    strict: options.strict ?? false,
    cwd,
    packageRoot,
    ...(env.fetch ? { fetch: env.fetch } : {}),
    ...(env.cacheDir ? { cacheDir: resolve(cwd, env.cacheDir) } : {}),
  });
  return new KubegateValidator(options, resolver);
}
