// The built-in pack: policies/*.yaml at the package root (next to dist/ and src/).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PolicyFile } from './read-policy-files.js';

export const BUILTIN_POLICY_DIR = fileURLToPath(new URL('../../../policies/', import.meta.url));

let cached: PolicyFile[] | undefined;

/** Reads the pack once per process; file names are reported as policies/<name>.yaml. */
export function readBuiltinPack(dir = BUILTIN_POLICY_DIR): PolicyFile[] {
  if (dir === BUILTIN_POLICY_DIR && cached) return cached;
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `policies/${name}`, content: readFileSync(`${dir}/${name}`, 'utf8') }));
  if (dir === BUILTIN_POLICY_DIR) cached = files;
  return files;
}
