// Whether a failed tarball read means "this GitHub does not serve tarballs"
// (some GitHub Enterprise setups and GitHub-compatible stand-ins), so the
// snapshot is read through the Git trees and blobs API instead. Refusals
// (401, 403) are not: they say the app lacks access, and must surface.
import { GitHubApiError, SnapshotError } from '../errors.js';

const UNSERVED_STATUSES = new Set([404, 406, 410, 415, 501]);

export function isTarballUnavailable(error: unknown): boolean {
  if (error instanceof GitHubApiError) {
    if (error.status === 401 || error.status === 403) return false;
    return UNSERVED_STATUSES.has(error.status) || error.status === 0 || gotNoAnswer(error.cause);
  }
  // The archive broke off or was not a gzip tar (a stand-in answering HTML); a size limit has no cause and stays an error.
  return error instanceof SnapshotError && error.cause !== undefined;
}

/** Octokit reports a request that got no HTTP answer (DNS, TLS, a redirect to an unreachable host, a timeout) as status 500 without a response. */
function gotNoAnswer(cause: unknown): boolean {
  return typeof cause === 'object' && cause !== null && !('response' in cause && cause.response !== undefined);
}
