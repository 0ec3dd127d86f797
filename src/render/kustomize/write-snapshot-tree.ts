// Writes a snapshot to a directory for `kubectl kustomize`: regular files only.
// A symlink to a file inside the repository is written as a copy of that file;
// any other symlink (absolute, escaping the tree, to a directory) is refused.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Snapshot, SnapshotFile } from '../../core/types.js';
import { repoDirname, resolveRepoPath } from '../repo-path.js';

export interface RefusedSymlink {
  path: string;
  target: string;
  reason: string;
}

function symlinkContent(snapshot: Snapshot, link: SnapshotFile): Buffer | RefusedSymlink {
  const target = link.linkTarget ?? '';
  const inside = resolveRepoPath(repoDirname(link.path), target);
  if (inside === undefined) return { path: link.path, target, reason: 'points outside the repository' };
  const file = snapshot.files.get(inside);
  if (file?.type !== 'file' || !file.content) return { path: link.path, target, reason: 'does not point to a regular file of the repository' };
  return file.content;
}

export async function writeSnapshotTree(snapshot: Snapshot, root: string): Promise<RefusedSymlink[]> {
  const refused: RefusedSymlink[] = [];
  const top = resolve(root);
  const made = new Set<string>();
  for (const file of snapshot.files.values()) {
    const content = file.type === 'file' ? file.content : file.type === 'symlink' ? symlinkContent(snapshot, file) : undefined;
    if (content === undefined) continue;
    if (!Buffer.isBuffer(content)) {
      refused.push(content);
      continue;
    }
    const dest = resolve(join(top, file.path));
    if (!dest.startsWith(top + sep)) {
      refused.push({ path: file.path, target: file.path, reason: 'path leaves the repository' });
      continue;
    }
    const dir = dirname(dest);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(dest, content, { flag: 'wx' });
  }
  return refused;
}
