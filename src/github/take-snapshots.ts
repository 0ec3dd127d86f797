// The repository at base and head: one tarball request per commit (two in
// all, one when they are the same), whatever the number of changed files.
import type { Snapshot } from '../core/types.js';
import type { GitHubPort } from './github-port.js';
import { extractSnapshot, type ExtractOptions } from './snapshot/extract-snapshot.js';

export async function takeSnapshot(port: GitHubPort, sha: string, options?: ExtractOptions): Promise<Snapshot> {
  return extractSnapshot(await port.downloadTarball(sha), sha, options);
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
  const [base, head] = await Promise.all([takeSnapshot(port, baseSha, options), takeSnapshot(port, headSha, options)]);
  return { base, head };
}
