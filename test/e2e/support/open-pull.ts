// GET pulls/N of the sync scenario while #2 is still open: at PR_HEAD_SHA,
// on master at BASE_SHA, with GitHub's mergeability answer.
import { isObject, type FakeGitHub } from '../../harness/github/index.js';
import { BASE_SHA, PR_HEAD_SHA } from './sync-scenario.js';

/** GET pulls/N (default 2): open, at `headSha` (default PR_HEAD_SHA) on master. */
export function fakeOpenPull(github: FakeGitHub, state: { mergeable: boolean | null; mergeableState: string; number?: number; headSha?: string }): void {
  const number = state.number ?? 2;
  github.on('GET /repos/{owner}/{repo}/pulls/{pull_number}', () => {
    const body = github.example('pull-request');
    const base = isObject(body['base']) ? body['base'] : {};
    const head = isObject(body['head']) ? body['head'] : {};
    Object.assign(body, {
      number,
      state: 'open',
      merged: false,
      merged_at: null,
      merge_commit_sha: null,
      mergeable: state.mergeable,
      mergeable_state: state.mergeableState,
      requested_teams: [],
      base: { ...base, ref: 'master', sha: BASE_SHA },
      head: { ...head, sha: state.headSha ?? PR_HEAD_SHA },
    });
    return { status: 200, body };
  }, { match: (r) => r.params['pull_number'] === String(number) });
}
