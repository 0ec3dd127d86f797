// Typed errors of the GitHub adapter. Each names what failed in words a
// repository owner can act on; the original error is kept as `cause`.

/** A GitHub API call failed (HTTP error, network error, unexpected answer). */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    /** What was attempted, e.g. "create check run kubegate/validate". */
    readonly action: string,
    /** HTTP status, 0 when no answer came back. */
    readonly status: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`GitHub API: could not ${action}: ${detail}`, options);
  }
}

/** A repository tarball could not be read into a snapshot. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly ref: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`could not read the repository at ${ref}: ${detail}`, options);
  }
}
