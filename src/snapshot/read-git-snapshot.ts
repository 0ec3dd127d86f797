// A Snapshot of a local git repository at one ref, in two git processes:
// `git ls-tree` for the file list and `git cat-file --batch` for contents.
import type { Snapshot, SnapshotFile } from '../core/types.js';
import { parseLsTree, type TreeEntry } from './parse-ls-tree.js';
import { readBlobs } from './read-blobs.js';
import { GitError, runGit as defaultRunGit, type RunGit } from './run-git.js';

export interface ReadGitSnapshotOptions {
  repoDir: string;
  ref: string;
  /** Regular files larger than this are listed without content (the pipeline reports them). */
  maxFileBytes?: number;
  runGit?: RunGit;
}

export const DEFAULT_MAX_SNAPSHOT_FILE_BYTES = 4 * 1024 * 1024;

function toFile(entry: TreeEntry, blobs: Map<string, Buffer>): SnapshotFile {
  const base = { path: entry.path, size: entry.size ?? 0, hash: entry.object };
  if (entry.mode === '160000') return { ...base, type: 'submodule' };
  const content = blobs.get(entry.object);
  if (entry.mode === '120000') return { ...base, type: 'symlink', linkTarget: content?.toString('utf8') ?? '' };
  return content ? { ...base, type: 'file', content } : { ...base, type: 'file' };
}

async function resolveCommit(runGit: RunGit, cwd: string, ref: string): Promise<string> {
  try {
    const out = await runGit({ cwd, args: ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`] });
    return out.toString('utf8').trim();
  } catch (err: unknown) {
    throw new GitError(`"${ref}" is not a commit in the git repository at ${cwd}`, { cause: err });
  }
}

export async function readGitSnapshot(options: ReadGitSnapshotOptions): Promise<Snapshot> {
  const { repoDir: cwd, ref, maxFileBytes = DEFAULT_MAX_SNAPSHOT_FILE_BYTES, runGit = defaultRunGit } = options;
  const sha = await resolveCommit(runGit, cwd, ref);
  const entries = parseLsTree(await runGit({ cwd, args: ['ls-tree', '-r', '-l', '-z', '--full-tree', sha] }));
  const wanted = entries.filter((e) => e.type === 'blob' && (e.mode === '120000' || (e.size ?? 0) <= maxFileBytes));
  const blobs = await readBlobs(runGit, cwd, wanted.map((e) => e.object));
  const files = new Map<string, SnapshotFile>();
  for (const entry of entries) if (entry.type !== 'tree') files.set(entry.path, toFile(entry, blobs));
  return { sha, files };
}
