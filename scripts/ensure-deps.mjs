// Installs npm dependencies when node_modules is missing or older than the
// lock file, so the README's commands work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDeps(root) {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('kubegate: installing npm dependencies (npm ci)\n');
  const npmArgs = ['--no-audit', '--no-fund'];
  if (run(root, 'npm', ['ci', ...npmArgs]) === 0) return;
  // Some npm 11 releases refuse `npm ci` for packages with per-platform
  // optional dependencies (@swc/core) that the lock file lists for one
  // platform only; `npm install` resolves them from the same lock file.
  process.stderr.write('kubegate: npm ci refused the lock file; trying npm install\n');
  if (run(root, 'npm', ['install', ...npmArgs]) !== 0) {
    throw new Error('npm install failed: the npm registry must be reachable on a first run (see the output above)');
  }
}

export function run(root, cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
