// What a revert pull request writes, kept as state: GET the branch's ref and
// commit, POST /git/trees, /git/commits, /git/refs and /pulls, answered from
// GitHub's examples with the test's shas. Tests read what was written.
import { createHash } from 'node:crypto';
import type { FakeGitHub } from '../fake-github.js';
import { isObject, type JsonObject } from '../openapi-description.js';

export interface GitWritesFake {
  trees: JsonObject[];
  commits: JsonObject[];
  refs: JsonObject[];
  pulls: JsonObject[];
}

export function fakeGitWrites(github: FakeGitHub, options: { owner: string; repo: string; branches: Record<string, string> }): GitWritesFake {
  const state: GitWritesFake = { trees: [], commits: [], refs: [], pulls: [] };
  const api = `${github.baseUrl}/repos/${options.owner}/${options.repo}`;
  const ours = { optional: true, match: (r: { params: Record<string, string> }) => r.params['owner'] === options.owner && r.params['repo'] === options.repo };
  const made = (kind: string, n: number): string => createHash('sha1').update(`${kind} ${n}`).digest('hex');
  const treeOf = (commit: string): string => createHash('sha1').update(`tree of ${commit}`).digest('hex');
  const bodyOf = (request: { body: unknown }): JsonObject => (isObject(request.body) ? request.body : {});

  github.on(
    'GET /repos/{owner}/{repo}/git/ref/{ref}',
    (request) => {
      const branch = (request.params['ref'] ?? '').replace(/^heads\//, '');
      const sha = options.branches[branch];
      if (!sha) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      return { status: 200, body: { ...github.example('git-ref'), ref: `refs/heads/${branch}`, url: `${api}/git/refs/heads/${branch}`, object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` } } };
    },
    ours,
  );
  github.on(
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
    (request) => {
      const sha = request.params['commit_sha'] ?? '';
      return { status: 200, body: { ...github.example('git-commit-2'), sha, tree: { sha: treeOf(sha), url: `${api}/git/trees/${treeOf(sha)}` } } };
    },
    ours,
  );
  github.on(
    'POST /repos/{owner}/{repo}/git/trees',
    (request) => {
      state.trees.push(bodyOf(request));
      const sha = made('tree', state.trees.length);
      return { status: 201, body: { sha, url: `${api}/git/trees/${sha}`, tree: [], truncated: false } };
    },
    ours,
  );
  github.on(
    'POST /repos/{owner}/{repo}/git/commits',
    (request) => {
      const body = bodyOf(request);
      state.commits.push(body);
      const sha = made('commit', state.commits.length);
      return { status: 201, body: { ...github.example('git-commit'), sha, message: body['message'], tree: { sha: String(body['tree']), url: `${api}/git/trees/${String(body['tree'])}` } } };
    },
    ours,
  );
  github.on(
    'POST /repos/{owner}/{repo}/git/refs',
    (request) => {
      const body = bodyOf(request);
      state.refs.push(body);
      return { status: 201, body: { ...github.example('git-ref'), ref: body['ref'], object: { type: 'commit', sha: body['sha'], url: `${api}/git/commits/${String(body['sha'])}` } } };
    },
    ours,
  );
  github.on(
    'POST /repos/{owner}/{repo}/pulls',
    (request) => {
      const body = bodyOf(request);
      state.pulls.push(body);
      const number = 100 + state.pulls.length;
      return { status: 201, body: { ...github.example('pull-request'), number, title: body['title'], html_url: `https://github.com/${options.owner}/${options.repo}/pull/${number}`, requested_teams: [] } };
    },
    ours,
  );
  return state;
}
