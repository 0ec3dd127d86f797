// The build's precompiled built-in schemas (precompile-schema-folder.ts) give
// the same answers, errors and all, as the schemas compiled at run time, on
// the repository's manifests and on damaged copies of them; and a file that
// does not match the schemas or the code that made it is not used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestObject } from '../../../src/core/types.js';
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { findBuiltinSchemas } from '../../../src/validate/builtin-schemas.js';
import { precompileSchemaFolder } from '../../../src/validate/precompile-schema-folder.js';
import { encodePrecompiled, loadPrecompiledSchemas, PrecompiledSchemas, type PrecompiledUnits } from '../../../src/validate/precompiled-schemas.js';
import { parseSchemaLocation, schemaPathFor } from '../../../src/validate/schema-location.js';
import { SchemaResolver } from '../../../src/validate/schema-resolver.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const builtin = findBuiltinSchemas('master', ROOT);

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

function repositoryObjects(): ManifestObject[] {
  return yamlFiles(join(ROOT, 'fixtures')).flatMap((file) => loadManifests(file, readFileSync(file)).objects);
}

/** A copy with every scalar below the top level swapped for another type: errors deep inside referenced definitions. */
function swapScalars(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item) => swapScalars(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, depth === 0 && (key === 'apiVersion' || key === 'kind') ? child : swapScalars(child, depth + 1)]));
  }
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return `${value}x`;
  return typeof value === 'boolean' ? 'yes' : {};
}

/** A copy with an unknown field in every object (strict schemas reject them) and every list doubled (duplicate keys). */
function addUnknownFields(value: unknown): unknown {
  if (Array.isArray(value)) return [...value, ...value].map(addUnknownFields);
  if (value !== null && typeof value === 'object') {
    return { ...Object.fromEntries(Object.entries(value).map(([key, child]) => [key, addUnknownFields(child)])), unknownField: 'x' };
  }
  return value;
}

function bodies(objects: readonly ManifestObject[]): Array<{ object: ManifestObject; body: unknown }> {
  return objects.flatMap((object) => [object.body, swapScalars(object.body), addUnknownFields(object.body)].map((body) => ({ object, body })));
}

async function compareWithRuntime(strict: boolean, precompiled: PrecompiledUnits): Promise<number> {
  const location = parseSchemaLocation('default', builtin.template);
  const runtime = new SchemaResolver({ locations: [location], kubernetesVersion: 'master', strict, cwd: ROOT, packageRoot: ROOT });
  const schemas = new PrecompiledSchemas(precompiled.units);
  let compared = 0;
  for (const { object, body } of bodies(repositoryObjects())) {
    const compiled = await runtime.resolve(object.apiVersion, object.kind);
    const file = basename(schemaPathFor(location, { apiVersion: object.apiVersion, kind: object.kind, kubernetesVersion: 'master', strict }));
    const validate = schemas.validator(file);
    expect(validate === undefined).toBe(compiled === undefined);
    if (!compiled || !validate) continue;
    const expected = { valid: compiled.validate(body), errors: compiled.validate.errors };
    expect({ file, valid: validate(body), errors: validate.errors }).toEqual({ file, ...expected });
    if (expected.errors) compared += expected.errors.length;
  }
  return compared;
}

describe('precompiled built-in schemas', () => {
  test('give the errors of schemas compiled at run time', async () => {
    const precompiled = await precompileSchemaFolder(builtin.folder);
    expect(precompiled.units.has('deployment-apps-v1.json')).toBe(true);
    expect(precompiled.units.has('_definitions.json#/definitions/io.k8s.api.core.v1.PodSpec')).toBe(true);
    expect(await compareWithRuntime(false, precompiled)).toBeGreaterThan(500);
  }, 60_000);

  test('strict ones too', async () => {
    expect(await compareWithRuntime(true, await precompileSchemaFolder(`${builtin.folder}-strict`))).toBeGreaterThan(1000);
  }, 60_000);

  test('are used only when they match the schema folder and the code that made them', async () => {
    const units: PrecompiledUnits = { fingerprint: '', units: new Map([['configmap-v1.json', '"use strict";function validate0(){return true;}return validate0;']]) };
    const folder = mkdtempSync(join(tmpdir(), 'kubegate-precompiled-'));
    try {
      const file = join(folder, `${basename(builtin.folder)}.txt`);
      expect(loadPrecompiledSchemas(builtin.folder, folder)).toBeUndefined();
      writeFileSync(file, encodePrecompiled({ ...units, fingerprint: (await precompileSchemaFolder(builtin.folder)).fingerprint }));
      expect(loadPrecompiledSchemas(builtin.folder, folder)?.validator('configmap-v1.json')?.({})).toBe(true);
      expect(loadPrecompiledSchemas(builtin.folder, folder)?.validator('secret-v1.json')).toBeUndefined();
      writeFileSync(file, encodePrecompiled({ ...units, fingerprint: 'older schemas' }));
      expect(loadPrecompiledSchemas(builtin.folder, folder)).toBeUndefined();
      expect(loadPrecompiledSchemas(folder, folder)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
