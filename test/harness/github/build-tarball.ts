// Builds a repository tarball the way GitHub serves one (`git archive`
// through gzip): one top folder "<owner>-<repo>-<sha7>/", a directory entry
// before its children, symlinks as symlink entries, and a submodule as an
// empty directory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

export type TreeEntry = string | Buffer | { symlink: string } | { submodule: true };
export type Tree = Record<string, TreeEntry>;

export async function buildTarball(tree: Tree, prefix = 'Codertocat-Hello-World-0000000'): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => {
    if (Buffer.isBuffer(chunk)) chunks.push(chunk);
  });
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  const written = new Set<string>();
  const directory = (path: string): void => {
    if (written.has(path)) return;
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (parent !== '') directory(parent);
    written.add(path);
    archive.entry({ name: `${prefix}/${path}/`, type: 'directory', mode: 0o775 });
  };
  archive.entry({ name: `${prefix}/`, type: 'directory', mode: 0o775 });
  for (const path of Object.keys(tree).sort()) {
    const entry = tree[path];
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (parent !== '') directory(parent);
    if (typeof entry === 'string' || Buffer.isBuffer(entry)) {
      archive.entry({ name: `${prefix}/${path}`, type: 'file', mode: 0o664 }, entry);
    } else if (entry && 'symlink' in entry) {
      archive.entry({ name: `${prefix}/${path}`, type: 'symlink', linkname: entry.symlink, mode: 0o777 });
    } else if (entry) {
      directory(path);
    }
  }
  archive.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks));
}

/** The files below a folder, as a Tree (paths relative to it, "/"-separated). */
export function readTree(root: string): Tree {
  const tree: Tree = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else tree[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return tree;
}
