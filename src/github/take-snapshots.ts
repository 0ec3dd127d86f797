// The repository at base and head: one tarball request per commit (two in
// all, one when they are the same), whatever the number of changed files.
// Where GitHub serves no tarball (404, 406, 410, 415, 501, no answer), the
// commits are read through the trees and blobs API instead
// (snapshot/read-tree-snapshots.ts), with one warning per pass. Such a
// snapshot has content only for the files a pull-request pass reads (changed
// files, kustomizations and their inputs, CRDs by name); a caller that needs
// more adds it with fillSnapshotContent (snapshot/fill-content.ts).
import type { Snapshot } from '../core/types.js';
import type { GitHubPort } from './github-port.js';
import { extractSnapshot, type ExtractOptions } from './snapshot/extract-snapshot.js';
import { readTreeSnapshots } from './snapshot/read-tree-snapshots.js';
import { isTarballUnavailable } from './snapshot/tarball-unavailable.js';

/** Ports whose GitHub served no tarball. A port lives for one delivery, so the tarball is not asked for again in that pass. */
const withoutTarballs = new WeakSet<GitHubPort>();

export async function takeSnapshot(port: GitHubPort, sha: string, options?: ExtractOptions): Promise<Snapshot> {
  const [snapshot] = await readSnapshots(port, [sha], options);
  if (!snapshot) throw new Error(`no snapshot of ${sha}`);
  return snapshot;
}

export async function takeSnapshots(
  port: GitHubPort,
  baseSha: string,
  headSha: string,
  options?: ExtractOptions,
): Promise<{ base: Snapshot; head: Snapshot }> {
  if (baseSha === headSha) {
    const snapshot = await takeSnapshot(port, baseSha, options);
    return { base: snapshot, head: snapshot };
  }
  const [base, head] = await readSnapshots(port, [baseSha, headSha], options);
  if (!base || !head) throw new Error(`no snapshots of ${baseSha} and ${headSha}`);
  return { base, head };
}

async function readSnapshots(port: GitHubPort, shas: readonly string[], options?: ExtractOptions): Promise<Snapshot[]> {
  if (withoutTarballs.has(port)) return readTreeSnapshots(port, shas.map((sha) => ({ sha })), options);
  const read = await Promise.allSettled(shas.map(async (sha) => extractSnapshot(await port.downloadTarball(sha), sha, options)));
  const refused = read.find((r) => r.status === 'rejected' && !isTarballUnavailable(r.reason));
  if (refused?.status === 'rejected') throw refused.reason;
  if (read.every((r) => r.status === 'fulfilled')) return read.map((r) => r.value);
  withoutTarballs.add(port);
  const sides = read.map((r, i) => (r.status === 'fulfilled' ? r.value : { sha: shas[i] ?? '', tarballError: r.reason }));
  warnFallback(port, read);
  return readTreeSnapshots(port, sides, options);
}

function warnFallback(port: GitHubPort, read: readonly PromiseSettledResult<Snapshot>[]): void {
  const failed = read.find((r) => r.status === 'rejected');
  const reason = failed?.status === 'rejected' && failed.reason instanceof Error ? failed.reason.message : 'no tarball';
  port.log?.warn(
    `kubegate: ${port.repo.owner}/${port.repo.repo}: GitHub served no tarball (${reason}); reading the commits through the Git trees and blobs API instead, one request per file kubegate reads`,
  );
}
