// Reads a repository tarball (as GitHub's /tarball/{ref} serves it: gzip, one
// top folder "<owner>-<repo>-<sha7>/", made by `git archive`) into a Snapshot,
// streaming: only what the pipeline needs is kept in memory.
//
// - Regular files that `keep` accepts: content (up to maxFileBytes; a bigger
//   file keeps its size and hash but no content, so the pipeline can say
//   "file too large") and the git blob sha.
// - Symlinks: always recorded with linkTarget (a symlinked folder has no
//   extension to filter by).
// - Submodules: `git archive` writes a gitlink as an empty directory entry and
//   git never stores empty directories, so every directory without entries
//   below it is a submodule. The gitlink's commit is not in the tarball: the
//   hash is "" (a submodule bump is not seen as a change).
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract as createExtract, type Header } from 'tar-stream';
import type { Snapshot, SnapshotFile } from '../../core/types.js';
import { SnapshotError } from '../errors.js';
import { createBlobHasher, gitBlobHash } from './git-blob-hasher.js';
import { keepForPipeline } from './keep-for-pipeline.js';

export interface ExtractOptions {
  keep?: (path: string) => boolean;
  /** Files above this size keep no content. */
  maxFileBytes?: number;
  /** The snapshot fails when the kept content exceeds this. */
  maxTotalBytes?: number;
}

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

type Entry = AsyncIterable<unknown> & { header: Header; resume(): unknown };

export async function extractSnapshot(tarball: Readable, sha: string, options: ExtractOptions = {}): Promise<Snapshot> {
  const { keep = keepForPipeline, maxFileBytes = MAX_FILE_BYTES, maxTotalBytes = MAX_TOTAL_BYTES } = options;
  const files = new Map<string, SnapshotFile>();
  const directories = new Set<string>();
  const parents = new Set<string>();
  let keptBytes = 0;

  const extract = createExtract();
  const consume = async (): Promise<void> => {
    for await (const entry of extract) {
      const path = stripTopFolder(entry.header.name);
      if (path === '') {
        entry.resume();
        continue;
      }
      parents.add(parentOf(path));
      const file = await readEntry(entry, path);
      if (file?.content) {
        keptBytes += file.content.length;
        if (keptBytes > maxTotalBytes) {
          throw new SnapshotError(sha, `the manifests in it exceed ${maxTotalBytes} bytes`);
        }
      }
      if (file) files.set(path, file);
    }
  };

  const readEntry = async (entry: Entry, path: string): Promise<SnapshotFile | undefined> => {
    const { header } = entry;
    if (header.type === 'directory') {
      directories.add(path);
      entry.resume();
      return undefined;
    }
    if (header.type === 'symlink') {
      entry.resume();
      const linkTarget = header.linkname ?? '';
      return { path, size: 0, type: 'symlink', hash: gitBlobHash(linkTarget), linkTarget };
    }
    if (header.type !== 'file' || !keep(path)) {
      entry.resume();
      return undefined;
    }
    return readFile(entry, path, header.size ?? 0, maxFileBytes);
  };

  try {
    await Promise.all([pipeline(tarball, createGunzip(), extract), consume()]);
  } catch (error: unknown) {
    tarball.destroy();
    if (error instanceof SnapshotError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new SnapshotError(sha, `the tarball is not a readable gzip tar archive (${detail})`, { cause: error });
  }

  for (const dir of directories) {
    if (!parents.has(dir)) files.set(dir, { path: dir, size: 0, type: 'submodule', hash: '' });
  }
  return { sha, files };
}

async function readFile(entry: Entry, path: string, size: number, maxFileBytes: number): Promise<SnapshotFile> {
  const hasher = createBlobHasher(size);
  const keepContent = size <= maxFileBytes;
  const chunks: Uint8Array[] = [];
  for await (const chunk of entry) {
    if (!ArrayBuffer.isView(chunk)) throw new Error(`unexpected chunk in ${path}`);
    const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    hasher.update(bytes);
    if (keepContent) chunks.push(bytes);
  }
  const file: SnapshotFile = { path, size, type: 'file', hash: hasher.digest() };
  if (keepContent) file.content = Buffer.concat(chunks);
  return file;
}

function stripTopFolder(name: string): string {
  const slash = name.indexOf('/');
  const path = slash === -1 ? '' : name.slice(slash + 1);
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
