// Writes a flavour's files into its folder, removing *.json files it no
// longer generates; or, with check, only reports the differences.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns { written, removed, unchanged } (file names); with check nothing is touched. */
export function writeSchemas(dir, files, { check = false } = {}) {
  const result = { written: [], removed: [], unchanged: [] };
  if (!check) mkdirSync(dir, { recursive: true });
  const existing = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const name of existing) {
    if (files.has(name)) continue;
    result.removed.push(name);
    if (!check) rmSync(join(dir, name));
  }
  for (const [name, text] of files) {
    const path = join(dir, name);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) {
      result.unchanged.push(name);
      continue;
    }
    result.written.push(name);
    if (!check) writeFileSync(path, text);
  }
  return result;
}
