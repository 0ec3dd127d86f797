// GET /repos/{owner}/{repo}/pulls/{pull_number} from GitHub's example, with
// the number and the base and head commits of the test's pull requests.
import type { FakeGitHub } from '../fake-github.js';
import { isObject } from '../openapi-description.js';

export interface FakePullRequest {
  number: number;
  baseSha: string;
  headSha: string;
}

export function fakePullRequests(github: FakeGitHub, options: { owner: string; repo: string; pulls: FakePullRequest[] }): void {
  github.on(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    (request) => {
      const pull = options.pulls.find((p) => p.number === Number(request.params['pull_number']));
      if (!pull) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      const body = github.example('pull-request');
      const base = isObject(body['base']) ? body['base'] : {};
      const head = isObject(body['head']) ? body['head'] : {};
      // GitHub's example lists a team without its "type"; the schema requires it.
      Object.assign(body, { number: pull.number, requested_teams: [], base: { ...base, sha: pull.baseSha }, head: { ...head, sha: pull.headSha } });
      return { status: 200, body };
    },
    { optional: true, match: (r) => r.params['owner'] === options.owner && r.params['repo'] === options.repo },
  );
}
