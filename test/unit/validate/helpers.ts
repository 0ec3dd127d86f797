// Shared by the validator tests: load a fixture and validate it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ManifestObject } from '../../../src/core/types.js';
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { createValidator, type ValidatorEnvironment } from '../../../src/validate/create-validator.js';
import type { ResourceResult, ValidatorOptions } from '../../../src/validate/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/manifests/', import.meta.url));

export function loadFixture(name: string): ManifestObject[] {
  const loaded = loadManifests(name, readFileSync(`${FIXTURES}${name}`));
  if (loaded.errors.length > 0) throw new Error(`fixture ${name}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.objects;
}

export async function validateFixture(name: string, options: ValidatorOptions = {}, env: ValidatorEnvironment = {}): Promise<ResourceResult[]> {
  return createValidator(options, env).validate(loadFixture(name));
}

/** "Kind/name: status[: msg]" per result. */
export function summarize(results: readonly ResourceResult[]): string[] {
  return results.map((r) => `${r.object?.kind ?? '?'}/${r.object?.name ?? '?'}: ${r.status}${r.msg ? `: ${r.msg}` : ''}`);
}

/** "path: msg" of every field error. */
export function fieldErrors(result: ResourceResult | undefined): string[] {
  return (result?.validationErrors ?? []).map((e) => `${e.path}: ${e.msg}`);
}
