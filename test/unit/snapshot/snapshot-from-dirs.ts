// Test helper: a Snapshot from directories on disk, later ones overriding
// earlier ones (fixtures/demo/base + fixtures/demo/pr = the pull request's head).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Snapshot, SnapshotFile } from '../../../src/core/types.js';

function walk(root: string, dir: string, out: Map<string, SnapshotFile>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const path = relative(root, full).split(sep).join('/');
    if (entry.isDirectory()) walk(root, full, out);
    else if (entry.isSymbolicLink()) {
      const linkTarget = readlinkSync(full);
      out.set(path, { path, type: 'symlink', size: linkTarget.length, hash: `link:${linkTarget}`, linkTarget });
    } else {
      const content = readFileSync(full);
      out.set(path, { path, type: 'file', size: content.length, hash: createHash('sha1').update(content).digest('hex'), content });
    }
  }
}

export function snapshotFromDirs(sha: string, ...dirs: string[]): Snapshot {
  const files = new Map<string, SnapshotFile>();
  for (const d of dirs) walk(d, d, files);
  return { sha, files };
}

/** A snapshot from inline files (text or Buffer). */
export function snapshotOf(sha: string, files: Record<string, string | Buffer | SnapshotFile>): Snapshot {
  const map = new Map<string, SnapshotFile>();
  for (const [path, value] of Object.entries(files)) {
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      const content = Buffer.from(value);
      map.set(path, { path, type: 'file', size: content.length, hash: createHash('sha1').update(content).digest('hex'), content });
    } else map.set(path, value);
  }
  return { sha, files: map };
}

export const DEMO_DIR = new URL('../../../fixtures/demo/', import.meta.url).pathname;
