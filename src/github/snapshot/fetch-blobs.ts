// Blob contents by sha: each sha fetched once, at most `concurrency` requests
// at a time. The first failure stops the remaining requests and is thrown.
import type { GitHubPort } from '../github-port.js';

export async function fetchBlobs(
  port: Pick<GitHubPort, 'getBlob'>,
  shas: Iterable<string>,
  concurrency = 8,
): Promise<Map<string, Buffer>> {
  const queue = [...new Set(shas)];
  const blobs = new Map<string, Buffer>();
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < queue.length) {
      const sha = queue[next];
      next += 1;
      if (sha === undefined) return;
      try {
        blobs.set(sha, await port.getBlob(sha));
      } catch (error: unknown) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(Math.max(1, concurrency), queue.length) }, worker);
  await Promise.all(workers);
  return blobs;
}
