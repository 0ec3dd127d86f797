// Snapshots through the Git data API, for a GitHub that serves no tarball:
// each commit's tree in one request (GET /git/trees/{sha}?recursive=1), then
// only the blobs the pipeline reads (GET /git/blobs/{sha}), each sha once, a
// few at a time. A side already read from a tarball is used as it is. The
// number of requests grows with the changed files and the kustomizations,
// which is why this is the fallback and not the way.
import type { Snapshot } from '../../core/types.js';
import { GitHubApiError } from '../errors.js';
import type { GitHubPort } from '../github-port.js';
import type { ExtractOptions } from './extract-snapshot.js';
import { fillContent, type FillOptions } from './fill-content.js';
import { firstNeeds, overlayNeeds } from './select-needed-files.js';
import { treeToSnapshot } from './tree-to-snapshot.js';

/** A commit to list (with the tarball error that sent it here), or a snapshot read already. */
export type SnapshotSide = Snapshot | { sha: string; tarballError?: unknown };

export type TreeSnapshotOptions = ExtractOptions & Pick<FillOptions, 'concurrency'>;

type Port = Pick<GitHubPort, 'getTree' | 'getBlob'>;

/** Base first, head last; one side when both are the same commit. */
export async function readTreeSnapshots(port: Port, sides: readonly SnapshotSide[], options: TreeSnapshotOptions = {}): Promise<Snapshot[]> {
  const { keep, ...limits } = options;
  const listed = await Promise.all(sides.map((side) => ('files' in side ? side : listTree(port, side, keep))));
  const [base, head] = [listed[0], listed.at(-1)];
  if (!base || !head) return listed;
  const fill: FillOptions = { ...limits, blobs: new Map() };
  const first = await fillContent(port, listed, firstNeeds(base, head), fill);
  return fillContent(port, first, overlayNeeds(first), fill);
}

async function listTree(port: Port, side: { sha: string; tarballError?: unknown }, keep?: (path: string) => boolean): Promise<Snapshot> {
  try {
    return treeToSnapshot(side.sha, await port.getTree(side.sha), keep);
  } catch (error: unknown) {
    // Neither a tarball nor a tree: the commit is gone (a force-push), which the tarball error already says.
    if (side.tarballError !== undefined && error instanceof GitHubApiError && error.status === 404) throw side.tarballError;
    throw error;
  }
}
