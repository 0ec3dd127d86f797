// What GitHub says about an open pull request's head besides its check runs
// (those are the scenario's CheckRunsFake): its commit statuses (GET
// commits/{ref}/status, from GitHub's example) and how far it is behind its
// base (GET compare/{base}...{head}: ahead_by, behind_by and the status they
// imply).
import { isObject, type FakeGitHub, type JsonObject } from '../../harness/github/index.js';
import { fakeCompare } from './compare.js';
import { OWNER, PR_HEAD_SHA, REPO } from './sync-scenario.js';

export interface HeadState {
  headSha?: string;
  /** context -> success, failure, error, pending; 'forbidden': the installation has not granted Commit statuses: read. */
  statuses?: Record<string, string> | 'forbidden';
  /** Commits of the base the head lacks (default 0). */
  behindBy?: number;
  aheadBy?: number;
}

const ours = (params: Record<string, string>): boolean => params['owner'] === OWNER && params['repo'] === REPO;

export function fakeHeadState(github: FakeGitHub, state: HeadState = {}): void {
  const head = state.headSha ?? PR_HEAD_SHA;
  github.on(
    'GET /repos/{owner}/{repo}/commits/{ref}/status',
    () => {
      if (state.statuses === 'forbidden') return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/commits/statuses' } };
      const body = github.example('combined-commit-status');
      const [example] = Array.isArray(body['statuses']) ? body['statuses'].filter(isObject) : [];
      const statuses = Object.entries(state.statuses ?? {}).map(([context, value], i): JsonObject => ({ ...example, id: i + 1, context, state: value }));
      const combined = statuses.some((s) => s['state'] !== 'success') ? (statuses.some((s) => s['state'] === 'pending') ? 'pending' : 'failure') : statuses.length > 0 ? 'success' : 'pending';
      return { status: 200, body: { ...body, sha: head, state: combined, statuses, total_count: statuses.length } };
    },
    { match: (r) => ours(r.params) && r.params['ref'] === head },
  );
  fakeCompare(github, { [`master...${head}`]: { aheadBy: state.aheadBy ?? 1, behindBy: state.behindBy ?? 0 } });
}
