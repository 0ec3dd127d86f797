// The harness must catch what GitHub would refuse: requests that are not
// operations of the REST API, invalid bodies and parameters, unexpected
// requests, routes not used as declared, and fakes answering what GitHub never would.
import { Octokit } from '@octokit/rest';
import { FakeGitHub } from '../../harness/github/index.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const octokit = (baseUrl?: string): Octokit => new Octokit({ auth: 'token', log: quiet, ...(baseUrl ? { baseUrl } : {}) });

describe('FakeGitHub', () => {
  let github: FakeGitHub;
  afterEach(() => github.stop());

  test('answers a declared operation and records it', async () => {
    github = new FakeGitHub().start();
    github.on('POST /repos/{owner}/{repo}/check-runs', () => ({ status: 201, body: github.example('check-run') }), { times: 1 });
    const { data } = await octokit().rest.checks.create({ ...repo, name: 'kubegate/validate', head_sha: 'abc', status: 'in_progress' });
    expect(data.id).toBe(4);
    expect(github.operations()).toEqual(['checks/create']);
    expect(github.requests[0]?.body).toEqual({ name: 'kubegate/validate', head_sha: 'abc', status: 'in_progress' });
    github.assertDone();
  });

  test('flags a body GitHub would refuse (51 annotations, a conclusion missing) and answers 422', async () => {
    github = new FakeGitHub().start();
    github.on('checks/update', () => ({ status: 200, body: github.example('check-run') }), { optional: true });
    const annotation = { path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: 'failure' as const, message: 'm' };
    await expect(
      octokit().rest.checks.update({
        ...repo,
        check_run_id: 1,
        status: 'completed',
        output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, () => annotation) },
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(() => github.assertDone()).toThrow(/annotations must NOT have more than 50 items/);
    expect(() => github.assertDone()).toThrow(/must have required property 'conclusion'/);
  });

  test('flags invalid parameters', async () => {
    github = new FakeGitHub().start();
    github.on('checks/list-for-ref', () => ({ status: 200, body: { total_count: 0, check_runs: [] } }), { optional: true });
    await octokit().request('GET /repos/Codertocat/Hello-World/commits/abc/check-runs?filter=newest&per_page=100').catch(() => undefined);
    expect(() => github.assertDone()).toThrow(/filter must be equal to one of the allowed values/);
  });

  test('flags a request that is no GitHub operation, an unexpected one, and an unused route', async () => {
    github = new FakeGitHub().start();
    github.on('issues/create-comment', () => ({ status: 201, body: github.example('issue-comment') }));
    await octokit().request('GET /repos/{owner}/{repo}/no-such-thing', repo).catch(() => undefined);
    await octokit().rest.issues.listComments({ ...repo, issue_number: 2 }).catch(() => undefined);
    expect(() => github.assertDone()).toThrow(
      /GET \/repos\/Codertocat\/Hello-World\/no-such-thing is not an operation[\s\S]*unexpected request GET \/repos\/Codertocat\/Hello-World\/issues\/2\/comments[\s\S]*route issues\/create-comment was called 0 times/,
    );
  });

  test('flags a fake answer that does not match the response schema', async () => {
    github = new FakeGitHub().start();
    github.on('issues/create-comment', () => ({ status: 201, body: { id: 'one' } }));
    await octokit().rest.issues.createComment({ ...repo, issue_number: 2, body: 'hi' });
    expect(() => github.assertDone()).toThrow(/the fake's answer to POST .* \/id must be integer/);
  });

  test('flags requests to hosts nothing intercepts', async () => {
    github = new FakeGitHub().start();
    await fetch('https://codeload.github.com/Codertocat/Hello-World/legacy.tar.gz/abc').catch(() => undefined);
    expect(() => github.assertDone()).toThrow(/unexpected request GET codeload.github.com\/Codertocat\/Hello-World\/legacy.tar.gz\/abc/);
  });

  test('serves a GitHub Enterprise Server base URL and its own description', async () => {
    github = new FakeGitHub({ baseUrl: 'https://ghe.example.com/api/v3', description: 'ghes-3.19' }).start();
    github.on('repos/get-content', () => ({ status: 404, body: { message: 'Not Found', documentation_url: 'x' } }), { times: 1 });
    await expect(
      octokit('https://ghe.example.com/api/v3').rest.repos.getContent({ ...repo, path: '.github/kubegate.yml', ref: 'main' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(github.requests[0]).toMatchObject({ path: '/repos/Codertocat/Hello-World/contents/.github%2Fkubegate.yml', params: { path: '.github/kubegate.yml' } });
    github.assertDone();
  });
});
