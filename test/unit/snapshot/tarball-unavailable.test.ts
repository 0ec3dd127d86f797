import { GitHubApiError, SnapshotError } from '../../../src/github/errors.js';
import { fetchBlobs } from '../../../src/github/snapshot/fetch-blobs.js';
import { isTarballUnavailable } from '../../../src/github/snapshot/tarball-unavailable.js';

const apiError = (status: number, cause?: unknown): GitHubApiError => new GitHubApiError('download the tarball of abc', status, `HTTP ${status}`, { cause });

describe('isTarballUnavailable', () => {
  test.each([404, 406, 410, 415, 501, 0])('HTTP %i: not served, fall back', (status) => {
    expect(isTarballUnavailable(apiError(status, { status, response: { status } }))).toBe(true);
  });

  test.each([401, 403, 500, 502, 422])('HTTP %i with an answer: surfaces', (status) => {
    expect(isTarballUnavailable(apiError(status, { status, response: { status } }))).toBe(false);
  });

  test('no answer at all (Octokit says 500 without a response: DNS, TLS, an unreachable redirect): fall back', () => {
    expect(isTarballUnavailable(apiError(500, Object.assign(new Error('getaddrinfo ENOTFOUND codeload.ghe.example'), { status: 500 })))).toBe(true);
  });

  test('an archive that breaks off or is not a tarball falls back; the size limit does not', () => {
    expect(isTarballUnavailable(new SnapshotError('abc', 'the tarball is not a readable gzip tar archive', { cause: new Error('incorrect header check') }))).toBe(true);
    expect(isTarballUnavailable(new SnapshotError('abc', 'the manifests in it exceed 40 bytes'))).toBe(false);
    expect(isTarballUnavailable(new Error('a bug'))).toBe(false);
  });
});

describe('fetchBlobs', () => {
  test('fetches each sha once, at most `concurrency` at a time', async () => {
    let running = 0;
    let peak = 0;
    const requested: string[] = [];
    const port = {
      getBlob: async (sha: string): Promise<Buffer> => {
        requested.push(sha);
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running -= 1;
        return Buffer.from(sha);
      },
    };
    const shas = Array.from({ length: 30 }, (_, i) => `sha-${i % 20}`);
    const blobs = await fetchBlobs(port, shas, 8);
    expect(blobs.size).toBe(20);
    expect(requested).toHaveLength(20);
    expect(peak).toBe(8);
    expect(blobs.get('sha-7')?.toString()).toBe('sha-7');
  });

  test('the first failure is thrown and stops the rest', async () => {
    const requested: string[] = [];
    const port = {
      getBlob: async (sha: string): Promise<Buffer> => {
        requested.push(sha);
        if (sha === 'b') throw new Error('HTTP 502');
        return Buffer.from(sha);
      },
    };
    await expect(fetchBlobs(port, ['a', 'b', 'c', 'd', 'e'], 1)).rejects.toThrow('HTTP 502');
    expect(requested).toEqual(['a', 'b']);
  });
});
