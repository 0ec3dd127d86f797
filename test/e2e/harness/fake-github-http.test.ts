// FakeGitHub listening on a real port (for an app in another process) checks
// what it checks when intercepting: operations, parameters and bodies, its
// own answers, unexpected requests; downloads are served on the same origin.
import { Octokit } from '@octokit/rest';
import { FakeGitHub } from '../../harness/github/index.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('FakeGitHub.listen()', () => {
  let github: FakeGitHub;
  let octokit: Octokit;
  beforeEach(async () => {
    github = new FakeGitHub({ description: 'ghes-3.19' });
    octokit = new Octokit({ auth: 'token', log: quiet, baseUrl: await github.listen() });
  });
  afterEach(() => github.close());

  test('serves the API at http://127.0.0.1:PORT/api/v3, with the request recorded as when intercepting', async () => {
    expect(github.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    github.on('POST /repos/{owner}/{repo}/check-runs', () => ({ status: 201, body: github.example('check-run') }), { times: 1 });
    const { data } = await octokit.rest.checks.create({ ...repo, name: 'kubegate/validate', head_sha: 'abc', status: 'in_progress' });
    expect(data.id).toBe(4);
    expect(github.requests).toEqual([
      expect.objectContaining({
        operationId: 'checks/create',
        path: '/repos/Codertocat/Hello-World/check-runs',
        body: { name: 'kubegate/validate', head_sha: 'abc', status: 'in_progress' },
        headers: expect.objectContaining({ authorization: 'token token' }),
      }),
    ]);
    github.assertDone();
  });

  test('refuses an invalid body with 422 and flags it, flags unexpected requests and paths outside the API', async () => {
    await expect(octokit.request('POST /repos/Codertocat/Hello-World/check-runs', { head_sha: 'abc' })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.issues.listComments({ ...repo, issue_number: 2 })).rejects.toMatchObject({ status: 404 });
    expect((await fetch(`${github.origin}/somewhere/else`)).status).toBe(404);
    expect(() => github.assertDone()).toThrow(
      /must have required property 'name'[\s\S]*unexpected request GET \/repos\/Codertocat\/Hello-World\/issues\/2\/comments[\s\S]*unexpected request GET http:\/\/127\.0\.0\.1:\d+\/somewhere\/else \(nothing serves it\)/,
    );
  });

  test('a redirect to a download on its own origin is followed, as many times as declared', async () => {
    const location = `${github.origin}/Codertocat/Hello-World/legacy.tar.gz/abc?token=t1`;
    github.on('GET /repos/{owner}/{repo}/tarball/{ref}', () => {
      github.download(location, () => ({ status: 200, body: Buffer.from('tarball'), headers: { 'content-type': 'application/x-gzip' } }));
      return { status: 302, headers: { location } };
    });
    const { data } = await octokit.rest.repos.downloadTarballArchive({ ...repo, ref: 'abc' });
    expect(Buffer.from(data as ArrayBuffer).toString()).toBe('tarball');
    github.assertDone();
    expect((await fetch(location)).status).toBe(404); // fetched once, as declared
    expect(() => github.assertDone()).toThrow(/unexpected request GET http:\/\/127\.0\.0\.1:\d+\/Codertocat\/Hello-World\/legacy\.tar\.gz\/abc/);
  });

  test('says what is wrong when a download is elsewhere, or when it is started twice', async () => {
    expect(() => github.download('https://codeload.github.com/x', () => ({ status: 200 }))).toThrow(/listening on http:\/\/127\.0\.0\.1:\d+, it cannot serve a download from https:\/\/codeload\.github\.com/);
    expect(() => github.start()).toThrow(/use start\(\) or listen\(\), not both/);
    await expect(github.listen()).rejects.toThrow(/use start\(\) or listen\(\), not both/);
  });

  test('flags a fake answer that does not match the response schema', async () => {
    github.on('issues/create-comment', () => ({ status: 201, body: { id: 'one' } }));
    await octokit.rest.issues.createComment({ ...repo, issue_number: 2, body: 'hi' });
    expect(() => github.assertDone()).toThrow(/the fake's answer to POST .* \/id must be integer/);
  });
});
