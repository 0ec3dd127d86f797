// The app as an outside checker meets it: started the way `npm start` starts
// it (package.json "start": `probot run ./dist/app/index.js`, built dist/) in
// its own process with Probot's usual environment, GitHub a stand-in on a
// loopback port (GHE_HOST, GHE_PROTOCOL=http: the FakeGitHub of the harness,
// every request checked against GitHub Enterprise Server's OpenAPI
// description), webhooks POSTed over HTTP and signed with the webhook secret.
// Retries and throttling are Probot's own here, as in production.
// KUBEGATE_TEST_APP_OUTPUT=1 prints the app's output after each test.
import { spawnSync } from 'node:child_process';
import { POLICY_CHECK, VALIDATE_CHECK } from '../../src/pipeline/check-names.js';
import { stickyMarker } from '../../src/report/sticky-marker.js';
import { FakeGitHub, isObject, startAppProcess, type AppProcess, type CheckRunsFake, type GitHubReply, type IssueCommentsFake } from '../harness/github/index.js';
import { annotationLines, POLICY_FINDINGS, POLICY_TITLE, VALIDATE_FINDINGS, VALIDATE_TITLE } from './support/hello-world-findings.js';
import { HEAD_SHA, payloads, serveHelloWorld } from './support/hello-world.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;
/** Starting the app, a pass with Probot's write throttling (writes one second apart), and Octokit's retries. */
const SLOW = 90_000;
const APP_ID = 29310;

interface StandIn {
  github: FakeGitHub;
  app: AppProcess;
  checkRuns: CheckRunsFake;
  comments: IssueCommentsFake;
}

const notFound = (documentation: string): GitHubReply => ({ status: 404, body: { message: 'Not Found', documentation_url: documentation } });

interface StandInOptions {
  tarballs?: boolean;
  /** Routes that answer before the scenario's (the first matching route answers). */
  before?: (github: FakeGitHub) => void;
  /** Variables for the app besides Probot's. */
  env?: Record<string, string>;
}

/** What the running test started, ended by afterEach whatever happened. */
const started: { github?: FakeGitHub; app?: AppProcess } = {};

/** The stand-in listening, the Hello-World scenario served, then the app started against it. */
async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const github = new FakeGitHub({ description: 'ghes-3.19' });
  started.github = github;
  await github.listen();
  options.before?.(github);
  const served = await serveHelloWorld(github, APP_ID, options);
  const app = await startAppProcess({ github, appId: APP_ID, ...(options.env ? { env: options.env } : {}) });
  started.app = app;
  return { github, app, ...served };
}

afterEach(async () => {
  const { github, app } = started;
  started.github = undefined;
  started.app = undefined;
  if (process.env['KUBEGATE_TEST_APP_OUTPUT'] && app) console.log(app.output());
  await app?.stop();
  await github?.close();
});

/** Waits until `done` holds (a pass answered 202 runs on); fails with the app's output. */
async function eventually(run: StandIn, what: string, done: () => boolean, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}; the app's output:\n${run.app.output()}`);
    if (!run.app.running()) throw new Error(`the app exited while waiting for: ${what}; its output:\n${run.app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const completed = (run: StandIn): number => run.checkRuns.runs.filter((r) => r.status === 'completed').length;
/** Log lines at `level` or above (pino: 40 warn, 50 error), with the message of a logged error. */
const logsFrom = (app: AppProcess, level: number): string[] =>
  app
    .logs()
    .filter((l) => Number(l['level']) >= level)
    .map((l) => [l['msg'], isObject(l['err']) ? l['err']['message'] : undefined].filter((part) => typeof part === 'string').join(': '));
const errorLogs = (app: AppProcess): string[] => logsFrom(app, 50);

/** pull_request opened delivered, and its pass finished (both check runs completed). */
async function deliverOpened(run: StandIn, id?: string): Promise<void> {
  const before = completed(run);
  const answer = await run.app.deliver('pull_request', payloads.opened, id === undefined ? {} : { id });
  expect([200, 202]).toContain(answer.status); // 202: still running after @octokit/webhooks' 9 s
  await eventually(run, 'both check runs completed', () => completed(run) >= before + 2);
}

function expectFindings(run: StandIn): void {
  const failed = (name: string, title: string): object => ({ name, head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure', history: ['in_progress', 'completed:failure'], output: { title } });
  expect(run.checkRuns.runs).toMatchObject([failed(VALIDATE_CHECK, VALIDATE_TITLE), failed(POLICY_CHECK, POLICY_TITLE)]);
  const [validate, policy] = run.checkRuns.runs;
  expect(annotationLines(validate?.annotations ?? [])).toEqual(VALIDATE_FINDINGS);
  expect(annotationLines(policy?.annotations ?? [])).toEqual(POLICY_FINDINGS);
  expect(run.comments.comments).toHaveLength(1);
  const body = run.comments.comments[0]?.body ?? '';
  expect(body.startsWith(stickyMarker(1, 1))).toBe(true);
  expect(body).toContain('### kubegate: ❌ 2 checks failed');
  expect(body).toContain('`apps/web/deployment.yaml:8`');
}

describe('the app started as `npm start` starts it, against a GitHub stand-in over HTTP', () => {
  testWithKubectl('pull_request opened with invalid manifests: both check runs fail with annotations at the lines, one sticky comment', async () => {
    const run = await startStandIn();
    await deliverOpened(run);

    expectFindings(run);
    expect(run.github.operations().slice(0, 3)).toEqual(['checks/list-for-ref', 'checks/create', 'checks/create']);
    expect(run.github.requestsOf('repos/download-tarball-archive')).toHaveLength(2);
    expect(run.github.requestsOf('apps/create-installation-access-token')).toEqual([expect.objectContaining({ params: { installation_id: '1' } })]);
    expect(errorLogs(run.app)).toEqual([]);
    run.app.assertDone();
  }, SLOW);

  testWithKubectl('a stand-in without tarballs (404): base and head come from trees and blobs, with the same findings', async () => {
    const notServed = notFound('https://docs.github.com/enterprise-server@3.19/rest/repos/contents');
    const run = await startStandIn({ tarballs: false, before: (github) => github.on('GET /repos/{owner}/{repo}/tarball/{ref}', () => notServed, { times: 2 }) });
    await deliverOpened(run);

    expectFindings(run);
    expect(run.github.requestsOf('git/get-tree')).toHaveLength(2);
    expect(run.github.requestsOf('git/get-blob').length).toBeGreaterThan(0);
    expect(logsFrom(run.app, 40)).toEqual([expect.stringMatching(/GitHub served no tarball .*HTTP 404.*trees and blobs API/)]);
    run.app.assertDone();
  }, SLOW);

  testWithKubectl('the same delivery id twice: the second copy is answered and ignored, no second check run or comment', async () => {
    const run = await startStandIn();
    const id = 'b8f1e2c0-0000-4000-8000-00000000000c';
    await deliverOpened(run, id);
    const requests = run.github.requests.length;

    const again = await run.app.deliver('pull_request', payloads.opened, { id });
    expect(again.status).toBe(200);
    expect(run.github.requests.length).toBe(requests);
    expect(run.checkRuns.runs).toHaveLength(2);
    expect(run.comments.comments).toHaveLength(1);
    const ignored = `kubegate: delivery ${id} was already handled; ignored`;
    await eventually(run, `the log line "${ignored}"`, () => run.app.logs().some((l) => l['msg'] === ignored));
    run.app.assertDone();
  }, SLOW);

  test('check-run create refused (403, not retried): the delivery is answered 500, and the app serves the redelivery', async () => {
    const refused: GitHubReply = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' } };
    const run = await startStandIn({ before: (github) => github.on('POST /repos/{owner}/{repo}/check-runs', () => refused, { times: 1 }) });
    const id = 'b8f1e2c0-0000-4000-8000-00000000000d';

    const answer = await run.app.deliver('pull_request', payloads.opened, { id });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(/^\{"error":"WebhookHandlerError: kubegate: pull_request failed: GitHub API: could not create check run kubegate\/validate: HTTP 403: Resource not accessible by integration/);
    expect(run.checkRuns.runs).toEqual([]);
    await eventually(run, 'the failed pass logged', () => errorLogs(run.app).length > 0);
    expect(errorLogs(run.app).join('\n')).toMatch(/create check run kubegate\/validate: HTTP 403/);
    expect(run.app.running()).toBe(true);

    await deliverOpened(run, id); // GitHub's "Redeliver": the same id, retried because it failed
    expect(run.checkRuns.runs.map((r) => [r.name, r.status])).toEqual([[VALIDATE_CHECK, 'completed'], [POLICY_CHECK, 'completed']]);
    expect(run.comments.comments).toHaveLength(1);
    run.app.assertDone();
  }, SLOW);

  test('check-run create failing with 500 on every attempt: retried by Octokit, the error logged, no crash, the next delivery served', async () => {
    const failing: GitHubReply = { status: 500, body: { message: 'Server Error' } };
    // The first try and the 3 retries of Probot's Octokit.
    const run = await startStandIn({ before: (github) => github.on('POST /repos/{owner}/{repo}/check-runs', () => failing, { times: 4 }) });

    const answer = await run.app.deliver('pull_request', payloads.opened);
    await eventually(run, 'the failed pass logged', () => errorLogs(run.app).length > 0, 30_000);
    // Octokit's retries (after 1, 4 and 9 s) outlast @octokit/webhooks' 9 s, so GitHub is answered "still processing".
    expect(answer).toEqual({ status: 202, body: 'still processing\n' });
    expect(errorLogs(run.app).join('\n')).toMatch(/create check run kubegate\/validate.*HTTP 500/);
    expect(run.checkRuns.runs).toEqual([]);
    expect(run.app.running()).toBe(true);

    await deliverOpened(run);
    expect(run.checkRuns.runs).toHaveLength(2);
    expect(run.comments.comments).toHaveLength(1);
    run.app.assertDone();
  }, SLOW);

  test('SIGTERM during a pass: new deliveries refused, the open check runs completed as interrupted, exit 0', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const notServed = notFound('https://docs.github.com/enterprise-server@3.19/rest/repos/contents');
    // The tarball downloads hang until the test is done: the pass is still running at the signal.
    const run = await startStandIn({
      // Long enough for the late delivery below to arrive before the stop ends, even on a loaded machine.
      env: { KUBEGATE_SHUTDOWN_GRACE_SECONDS: '8' },
      before: (github) => github.on('GET /repos/{owner}/{repo}/tarball/{ref}', () => held.then(() => notServed), { optional: true }),
    });
    try {
      const answer = run.app.deliver('pull_request', payloads.opened);
      await eventually(run, 'both check runs in progress and the tarballs asked for', () => run.checkRuns.runs.length === 2 && run.github.requestsOf('repos/download-tarball-archive').length > 0);

      const exited = run.app.signal('SIGTERM');
      await eventually(run, 'the stop logged', () => run.app.logs().some((l) => String(l['msg']).includes('no new deliveries')));
      const late = await run.app.deliver('pull_request', payloads.opened);
      expect(late.status).toBe(500);
      expect(late.body).toContain('kubegate is stopping');
      expect(await exited).toEqual({ code: 0, signal: null });
      await answer.catch(() => undefined); // the connection of the cut-short delivery may be reset

      const interrupted = { status: 'completed', conclusion: 'failure', output: { title: 'Interrupted: kubegate stopped during this run' } };
      expect(run.checkRuns.runs).toMatchObject([{ name: VALIDATE_CHECK, ...interrupted }, { name: POLICY_CHECK, ...interrupted }]);
      expect(run.comments.comments).toEqual([]);
      expect(run.app.logs().map((l) => String(l['msg']))).toContain('kubegate: stopped (0 finished during the stop, 1 interrupted)');
      run.app.assertDone();
    } finally {
      release();
    }
  }, SLOW);

  test('a delivery with a wrong signature is refused with 400 and calls nothing', async () => {
    const run = await startStandIn();
    const answer = await run.app.deliver('pull_request', payloads.opened, { secret: 'not-the-webhook-secret' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/signature does not match/);
    expect(run.github.requests).toEqual([]);
    expect(run.app.running()).toBe(true);
    run.app.assertDone();
  }, SLOW);
});
