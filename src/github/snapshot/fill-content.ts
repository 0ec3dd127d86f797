// Fills in what a tree-listed snapshot lacks: the content of the files
// `wanted` picks and the target of the symlinks it picks. As in the tarball
// path, a file over maxFileBytes keeps its size and hash but no content. Each
// blob is fetched once, whatever the number of snapshots and paths it appears
// under (a file unchanged between base and head costs one request). A
// snapshot that lacks nothing (one read from a tarball) costs no request and
// is returned as it is.
import type { Snapshot, SnapshotFile } from '../../core/types.js';
import { SnapshotError } from '../errors.js';
import type { GitHubPort } from '../github-port.js';
import { MAX_FILE_BYTES, MAX_TOTAL_BYTES } from './extract-snapshot.js';
import { fetchBlobs } from './fetch-blobs.js';

export interface FillOptions {
  maxFileBytes?: number;
  maxTotalBytes?: number;
  /** Blob requests at a time. */
  concurrency?: number;
  /** Blobs fetched earlier in the same pass, by sha; new ones are added. */
  blobs?: Map<string, Buffer>;
}

export type WantedFile = (file: SnapshotFile, snapshot: Snapshot) => boolean;

type Port = Pick<GitHubPort, 'getBlob'>;

export async function fillContent(port: Port, snapshots: readonly Snapshot[], wanted: WantedFile, options: FillOptions = {}): Promise<Snapshot[]> {
  const { maxFileBytes = MAX_FILE_BYTES, maxTotalBytes = MAX_TOTAL_BYTES, concurrency = 8, blobs = new Map<string, Buffer>() } = options;
  const missing = snapshots.map((s) => [...s.files.values()].filter((f) => lacksContent(f, maxFileBytes) && wanted(f, s)));
  const fetched = await fetchBlobs(port, missing.flat().map((f) => f.hash).filter((sha) => !blobs.has(sha)), concurrency);
  for (const [sha, bytes] of fetched) blobs.set(sha, bytes);
  return snapshots.map((s, i) => withContent(s, missing[i] ?? [], blobs, { maxFileBytes, maxTotalBytes }));
}

export async function fillSnapshotContent(port: Port, snapshot: Snapshot, wanted: WantedFile, options: FillOptions = {}): Promise<Snapshot> {
  const [filled] = await fillContent(port, [snapshot], wanted, options);
  return filled ?? snapshot;
}

function lacksContent(file: SnapshotFile, maxFileBytes: number): boolean {
  if (file.type === 'symlink') return file.linkTarget === undefined;
  return file.type === 'file' && file.content === undefined && file.size <= maxFileBytes;
}

function withContent(
  snapshot: Snapshot,
  missing: readonly SnapshotFile[],
  blobs: ReadonlyMap<string, Buffer>,
  limits: { maxFileBytes: number; maxTotalBytes: number },
): Snapshot {
  if (missing.length === 0) return snapshot;
  const files = new Map(snapshot.files);
  for (const file of missing) {
    const bytes = blobs.get(file.hash);
    if (!bytes) continue;
    if (file.type === 'symlink') files.set(file.path, { ...file, linkTarget: bytes.toString('utf8') });
    else files.set(file.path, { ...file, size: bytes.length, ...(bytes.length <= limits.maxFileBytes ? { content: bytes } : {}) });
  }
  let total = 0;
  for (const file of files.values()) total += file.content?.length ?? 0;
  if (total > limits.maxTotalBytes) throw new SnapshotError(snapshot.sha, `the manifests in it exceed ${limits.maxTotalBytes} bytes`);
  return { sha: snapshot.sha, files };
}
