// The parts of GitHub's webhook payloads the app reads. Structural subsets of
// @octokit/webhooks' types (Probot's context.payload is assignable to them),
// so the workflow and its tests do not depend on Probot.

export interface RepositoryPayload {
  id: number;
  name: string;
  owner: { login: string };
  default_branch: string;
}

export interface PullRequestEventPayload {
  action: string;
  pull_request: {
    number: number;
    base: { sha: string; ref: string; repo: { full_name: string } };
    /** repo is null when the fork was deleted. */
    head: { sha: string; repo: { full_name: string } | null };
  };
  repository: RepositoryPayload;
}

/** GitHub's "pull-request-minimal": what check payloads say about a pull request. */
export interface MinimalPullRequest {
  number: number;
  base: { sha: string; ref: string; repo: { id: number } };
  head: { sha: string; repo: { id: number } };
}

export interface CheckRunEventPayload {
  check_run: {
    name: string;
    head_sha: string;
    external_id: string | null;
    app: { id: number | null } | null;
    pull_requests: MinimalPullRequest[];
  };
  repository: RepositoryPayload;
}

export interface CheckSuiteEventPayload {
  check_suite: {
    head_sha: string;
    app: { id: number | null } | null;
    pull_requests: MinimalPullRequest[];
  };
  repository: RepositoryPayload;
}
