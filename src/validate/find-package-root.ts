// The package's root folder, found from this module's own location so that
// it works from src/ (tests) and from dist/ (the published CLI and app).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isKubegatePackage(folder: string): boolean {
  const file = join(folder, 'package.json');
  if (!existsSync(file)) return false;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
    return manifest.name === 'kubegate';
  } catch {
    return false;
  }
}

export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = from;
  for (;;) {
    if (isKubegatePackage(folder)) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find kubegate's package.json above ${from}; is the package installed completely?`);
    folder = parent;
  }
}
