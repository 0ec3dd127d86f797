// Build step after tsc: precompiles the built-in schemas (every folder of
// src/schemas/kubernetes) into dist/validate/precompiled/<folder>.txt, so
// that `kubegate validate` does not compile schemas at run time (see
// src/validate/precompiled-schemas.ts). Needs dist/ built first.
//   node scripts/precompile-schemas.mjs
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasRoot = join(root, 'src', 'schemas', 'kubernetes');
const output = join(root, 'dist', 'validate', 'precompiled');

const { precompileSchemaFolder } = await import(join(root, 'dist', 'validate', 'precompile-schema-folder.js'));
const { encodePrecompiled } = await import(join(root, 'dist', 'validate', 'precompiled-schemas.js'));

mkdirSync(output, { recursive: true });
for (const name of readdirSync(schemasRoot).sort()) {
  if (!/^v\d+\.\d+\.\d+(-strict)?$/.test(name)) continue;
  const started = performance.now();
  const precompiled = await precompileSchemaFolder(join(schemasRoot, name));
  const text = encodePrecompiled(precompiled);
  writeFileSync(join(output, `${name}.txt`), text);
  const ms = (performance.now() - started).toFixed(0);
  process.stdout.write(`precompiled ${name}: ${precompiled.units.size} units, ${(text.length / 1e6).toFixed(1)} MB in ${ms} ms\n`);
}
