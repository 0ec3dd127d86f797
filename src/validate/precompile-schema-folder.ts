// Build time: Ajv's code for every kind of a built-in schema folder and for
// every definition they refer to, compiled exactly as at run time (same
// documents, normalization, options and keywords), each as a unit that
// precompiled-schemas.ts turns into a function when first reached.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.js';
import { readSchemaFile } from './fetch-schema-text.js';
import { dropDescriptions } from './normalize-schema.js';
import { precompiledFingerprint, type PrecompiledUnits } from './precompiled-schemas.js';
import { SchemaDocuments } from './schema-documents.js';
import type { ReferenceLink, ReferenceLinker } from './schema-references.js';

const NOT_RUN: ReferenceLink = {
  validate: (() => {
    throw new Error('precompilation does not run schemas');
  }) as unknown as ValidateFunction,
};

/** The code of a unit: the values it uses, its function, and the function returned. */
function unitCode(ajv: Ajv, validate: ValidateFunction): string {
  const source = validate.source;
  if (!source) throw new Error('Ajv kept no source code');
  return `"use strict";${ajv.scope.scopeCode(source.scopeValues, {})}${source.validateCode}return ${source.validateName};`;
}

/** Precompiles the schemas of `folder` (a built-in folder: kind files and the _definitions.json they refer to). */
export async function precompileSchemaFolder(folder: string): Promise<PrecompiledUnits> {
  const base = pathToFileURL(join(folder, '/')).href;
  const pending: string[] = [];
  const linker: ReferenceLinker = {
    link(uri: string): ReferenceLink {
      pending.push(uri);
      return NOT_RUN;
    },
    id(uri: string): string {
      if (!uri.startsWith(base)) throw new Error(`a schema in ${folder} refers to ${uri}, outside the folder`);
      return uri.slice(base.length);
    },
  };
  const ajv = createAjv(linker, { source: true });
  const documents = new SchemaDocuments((uri) => readSchemaFile(fileURLToPath(uri)));
  const units = new Map<string, string>();
  const kinds = readdirSync(folder)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .sort();
  for (const name of kinds) {
    const schema = await documents.load(`${base}${name}`, name, true);
    if (!schema) throw new Error(`cannot read ${join(folder, name)}`);
    dropDescriptions(schema);
    units.set(name, unitCode(ajv, ajv.compile(schema)));
  }
  for (let uri = pending.shift(); uri !== undefined; uri = pending.shift()) {
    const id = linker.id?.(uri) ?? uri;
    if (units.has(id)) continue;
    const schema = documents.resolveReference(uri);
    if (schema === undefined) throw new Error(`the schema reference ${uri} points to nothing`);
    dropDescriptions(schema);
    units.set(id, unitCode(ajv, ajv.compile(schema)));
  }
  return { fingerprint: precompiledFingerprint(folder), units };
}
