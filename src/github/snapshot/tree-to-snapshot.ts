// A commit's tree listing (GET /git/trees/{sha}?recursive=1) as a Snapshot
// without content, holding what the tarball path holds: the files `keep`
// accepts, every symlink and every submodule. The hash is the blob sha GitHub
// lists, which is what the tarball path computes, so base and head compare the
// same way whichever path read them. A submodule's hash is "" in both paths
// (a tarball does not hold the gitlink's commit).
import type { Snapshot, SnapshotFile } from '../../core/types.js';
import { SnapshotError } from '../errors.js';
import type { GitTree, GitTreeEntry } from '../github-port.js';
import { keepForPipeline } from './keep-for-pipeline.js';

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';

export function treeToSnapshot(sha: string, tree: GitTree, keep: (path: string) => boolean = keepForPipeline): Snapshot {
  if (tree.truncated) {
    throw new SnapshotError(
      sha,
      'GitHub does not serve its tarball, and its tree listing (GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1) came back truncated: ' +
        'the repository has more entries than GitHub lists in one answer. Enable the tarball endpoint (GET /repos/{owner}/{repo}/tarball/{ref}) for this repository, or make it smaller.',
    );
  }
  const files = new Map<string, SnapshotFile>();
  for (const entry of tree.entries) {
    const file = toSnapshotFile(entry, keep);
    if (file) files.set(file.path, file);
  }
  return { sha, files };
}

function toSnapshotFile(entry: GitTreeEntry, keep: (path: string) => boolean): SnapshotFile | undefined {
  const { path } = entry;
  if (entry.mode === SYMLINK_MODE) return { path, size: 0, type: 'symlink', hash: entry.sha };
  if (entry.mode === SUBMODULE_MODE || entry.type === 'commit') return { path, size: 0, type: 'submodule', hash: '' };
  if (entry.type !== 'blob' || !keep(path)) return undefined;
  return { path, size: entry.size ?? 0, type: 'file', hash: entry.sha };
}
