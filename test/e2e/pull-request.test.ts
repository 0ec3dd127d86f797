// The pull-request validation slice end to end: Probot receives recorded
// webhook payloads (fixtures/github, derived from @octokit/webhooks-examples),
// GitHub is the FakeGitHub of the harness (every request checked against
// GitHub's OpenAPI description), the repository is fixtures/demo served as
// real tarballs, and the pipeline is the real one.
import { spawnSync } from 'node:child_process';
import { POLICY_CHECK, VALIDATE_CHECK } from '../../src/pipeline/check-names.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import type { RunPipeline } from '../../src/pipeline/types.js';
import { stickyMarker } from '../../src/report/sticky-marker.js';
import { isObject, type JsonObject } from '../harness/github/index.js';
import {
  BASE_SHA,
  baseTree,
  CONFIG_TEXT,
  HEAD_SHA,
  headTree,
  passOperations,
  payloads,
  SECOND_HEAD_SHA,
  startScenario,
  type Scenario,
} from './support/hello-world.js';
import { TEAM_LABEL_POLICY } from './support/hello-world-findings.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;
/** A pass runs the real pipeline (and kubectl kustomize); the first one in a file also loads GitHub's API description. */
const SLOW = 30_000;

/** The operations of one full pass, after the installation token. */
const FULL_PASS = passOperations();

/** The demo's policy findings: a new Deployment that runs privileged and sets no memory limit. */
const POLICY_ANNOTATIONS = [
  'apps/worker/deployment.yaml:18 failure Deployment worker: policy (kubegate-disallow-privilege-escalation)',
  'apps/worker/deployment.yaml:19 failure Deployment worker: policy (kubegate-disallow-privileged)',
  'apps/worker/deployment.yaml:20 warning Deployment worker: policy (kubegate-require-memory-limit)',
];

function withBaseRef(payload: JsonObject, ref: string): JsonObject {
  const copy = structuredClone(payload);
  const pr = copy['pull_request'];
  if (isObject(pr) && isObject(pr['base'])) pr['base']['ref'] = ref;
  return copy;
}

const annotationLines = (annotations: JsonObject[]): string[] =>
  annotations.map((a) => `${String(a['path'])}:${String(a['start_line'])} ${String(a['annotation_level'])} ${String(a['title'])}`);

function withCheckRun(payload: JsonObject, change: (run: JsonObject) => void): JsonObject {
  const copy = structuredClone(payload);
  const run = copy['check_run'];
  if (isObject(run)) change(run);
  return copy;
}

describe('a pull request is validated on GitHub', () => {
  let scenario: Scenario | undefined;
  afterEach(() => scenario?.harness.stop());

  testWithKubectl('opened: both check runs are created in progress at once, then completed as failure with annotations at the lines; one sticky comment', async () => {
    scenario = await startScenario();
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);

    expect(harness.github.operations()).toEqual(FULL_PASS);
    expect(harness.github.requestsOf('checks/create').map((r) => r.body)).toEqual([
      expect.objectContaining({ name: VALIDATE_CHECK, head_sha: HEAD_SHA, status: 'in_progress' }),
      expect.objectContaining({ name: POLICY_CHECK, head_sha: HEAD_SHA, status: 'in_progress' }),
    ]);
    expect(harness.github.requestsOf('repos/get-content')[0]).toMatchObject({ params: { path: '.github/kubegate.yml' }, query: { ref: 'master' } });
    expect(harness.github.requestsOf('repos/download-tarball-archive').map((r) => r.params['ref']).sort()).toEqual([HEAD_SHA, BASE_SHA].sort());

    const failed = (name: string, title: string): JsonObject => ({
      name,
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'failure',
      external_id: `kubegate:pr=2:base=${BASE_SHA}`,
      history: ['in_progress', 'completed:failure'],
      output: { title },
    });
    expect(checkRuns.runs).toHaveLength(2);
    expect(checkRuns.runs).toMatchObject([failed(VALIDATE_CHECK, '4 invalid of 7 resources'), failed(POLICY_CHECK, '2 policy violations, 1 warning')]);
    const [run, policy] = checkRuns.runs;
    expect(annotationLines(run?.annotations ?? [])).toEqual([
      'apps/web/deployment.yaml:8 failure Deployment web: validate (schema)',
      'apps/worker/deployment.yaml:17 failure Deployment worker: validate (schema)',
      'platform/base/deployment.yaml:22 failure Deployment staging-api: validate (schema)',
      'platform/base/deployment.yaml:22 failure Deployment api: validate (schema)',
    ]);
    expect(run?.annotations[0]?.['message']).toMatch(/spec\.replicas/);

    expect(annotationLines(policy?.annotations ?? [])).toEqual(POLICY_ANNOTATIONS);
    expect(policy?.annotations[1]?.['message']).toMatch(/^Deployment worker: kubegate-disallow-privileged: container\(s\) worker run privileged/);
    expect(policy?.output.summary).toContain('Not shown: 1 pre-existing finding in unchanged objects');
    expect(policy?.output.text).toContain('| Deny | `kubegate-disallow-privileged` | Deployment `apps/worker` | `apps/worker/deployment.yaml:19` |');

    expect(comments.comments).toHaveLength(1);
    const body = comments.comments[0]?.body ?? '';
    expect(body.startsWith(stickyMarker(1, 1))).toBe(true);
    expect(body).toContain('### kubegate: ❌ 2 checks failed');
    expect(body).toContain('`apps/web/deployment.yaml:8`');
    expect(body).toContain('| `kubegate/policy` | ❌ failure | 2 policy violations, 1 warning |');
    expect(body).toContain('#### `kubegate/policy`');
    expect(body).toContain('- ❌ `apps/worker/deployment.yaml:19` Deployment worker: kubegate-disallow-privileged: container(s) worker run privileged');
    expect(body).toContain('- ⚠️ `apps/worker/deployment.yaml:20` Deployment worker: kubegate-require-memory-limit:');
    harness.assertDone();
  }, SLOW);

  test('synchronize: the new head gets its own run, and the sticky comment is edited in place, never duplicated', async () => {
    scenario = await startScenario();
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    const first = comments.comments[0];
    const before = harness.github.requests.length;
    await harness.deliver('pull_request', payloads.synchronize);

    expect(harness.github.requests.slice(before).map((r) => r.operationId)).toEqual(
      FULL_PASS.map((op) => (op === 'issues/create-comment' ? 'issues/update-comment' : op)),
    );
    expect(checkRuns.runs.map((r) => [r.head_sha, r.name, r.conclusion])).toEqual([
      [HEAD_SHA, VALIDATE_CHECK, 'failure'],
      [HEAD_SHA, POLICY_CHECK, 'failure'],
      [SECOND_HEAD_SHA, VALIDATE_CHECK, 'success'],
      [SECOND_HEAD_SHA, POLICY_CHECK, 'success'],
    ]);
    // The fixed push only scales a Deployment that follows every policy: a clean pass.
    const [clean] = checkRuns.named(POLICY_CHECK, SECOND_HEAD_SHA);
    expect(clean?.output).toMatchObject({ title: 'No policy violations', summary: 'No policy violations.\n\nEvery object passes the Deny policies.' });
    expect(clean?.annotations).toEqual([]);
    expect(comments.comments).toHaveLength(1);
    expect(comments.comments[0]?.id).toBe(first?.id);
    expect(comments.comments[0]?.edits).toHaveLength(2);
    expect(comments.comments[0]?.body).toContain(`Reflects commit ${SECOND_HEAD_SHA}`);
    harness.assertDone();
  }, SLOW);

  test('a redelivered webhook (same X-GitHub-Delivery) does nothing', async () => {
    scenario = await startScenario();
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened, 'delivery-1');
    const requests = harness.github.requests.length;
    await harness.deliver('pull_request', payloads.opened, 'delivery-1');
    expect(harness.github.requests).toHaveLength(requests);
    expect(checkRuns.runs).toHaveLength(2);
    expect(comments.comments).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test('the same event under another delivery id (another replica, a restart) finds the finished run and stops', async () => {
    scenario = await startScenario();
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    const before = harness.github.requests.length;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.requests.slice(before).map((r) => r.operationId)).toEqual(['checks/list-for-ref']);
    expect(checkRuns.runs).toHaveLength(2);
    harness.assertDone();
  }, SLOW);

  test('two deliveries of the same event at once (two ids) run one after the other: one check run', async () => {
    scenario = await startScenario();
    const { harness, checkRuns, comments } = scenario;
    await Promise.all([harness.deliver('pull_request', payloads.opened), harness.deliver('pull_request', payloads.opened)]);
    expect(harness.github.operations()).toEqual([...FULL_PASS, 'checks/list-for-ref']);
    expect(checkRuns.runs).toHaveLength(2);
    expect(comments.comments).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test('check_run.rerequested: runs without annotations are reused, not duplicated', async () => {
    scenario = await startScenario({ trees: { [BASE_SHA]: baseTree, [HEAD_SHA]: baseTree } });
    const { harness, checkRuns } = scenario;
    const earlier = [VALIDATE_CHECK, POLICY_CHECK].map((name) =>
      checkRuns.seed({ name, head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure', external_id: `kubegate:pr=2:base=${BASE_SHA}:incomplete` }),
    );
    await harness.deliver('check_run', payloads.checkRunRerequested);
    expect(checkRuns.runs).toHaveLength(2);
    expect(earlier.map((r) => r.history)).toEqual([
      ['in_progress', 'completed:success'],
      ['in_progress', 'completed:success'],
    ]);
    expect(harness.github.requestsOf('checks/update').slice(0, 2).map((r) => r.body)).toEqual([
      expect.objectContaining({ status: 'in_progress', external_id: `kubegate:pr=2:base=${BASE_SHA}` }),
      expect.objectContaining({ status: 'in_progress', external_id: `kubegate:pr=2:base=${BASE_SHA}` }),
    ]);
    harness.assertDone();
  }, SLOW);

  test('check_run.rerequested: a run with annotations is replaced by a new run, so no annotation shows twice', async () => {
    scenario = await startScenario();
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    const before = harness.github.requests.length;
    await harness.deliver('check_run', payloads.checkRunRerequested);
    // The same report: the sticky comment is not written again.
    expect(harness.github.requests.slice(before).map((r) => r.operationId)).toEqual(FULL_PASS.filter((op) => op !== 'issues/create-comment'));
    for (const name of [VALIDATE_CHECK, POLICY_CHECK]) {
      const [old, fresh] = checkRuns.named(name, HEAD_SHA);
      expect(fresh?.annotations).toHaveLength(old?.annotations.length ?? -1);
      expect(old?.history).toEqual(['in_progress', 'completed:failure']);
    }
    expect(comments.comments[0]?.edits).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test("check_run.rerequested for another app's run is ignored", async () => {
    scenario = await startScenario();
    const { harness } = scenario;
    const otherApp = withCheckRun(payloads.checkRunRerequested, (run) => {
      run['app'] = { ...(isObject(run['app']) ? run['app'] : {}), id: 1 };
    });
    await harness.deliver('check_run', otherApp);
    expect(harness.github.operations({ withAuth: true })).toEqual([]);
    harness.assertDone();
  }, SLOW);

  test('check_run.rerequested from a fork (no pull_requests in the payload): the pull request is found through external_id', async () => {
    scenario = await startScenario();
    const { harness, checkRuns } = scenario;
    await harness.deliver('check_run', withCheckRun(payloads.checkRunRerequested, (run) => (run['pull_requests'] = [])));
    expect(harness.github.operations()).toEqual(['pulls/get', ...FULL_PASS]);
    expect(checkRuns.runs[0]).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' });
    harness.assertDone();
  }, SLOW);

  test('check_suite.rerequested validates the pull request of the suite', async () => {
    scenario = await startScenario();
    const { harness, checkRuns } = scenario;
    await harness.deliver('check_suite', payloads.checkSuiteRerequested);
    expect(harness.github.operations()).toEqual(FULL_PASS);
    expect(checkRuns.runs[0]).toMatchObject({ head_sha: HEAD_SHA, status: 'completed' });
    harness.assertDone();
  }, SLOW);

  test('an unexpected exception still completes the run (failure, saying what went wrong); a redelivery then retries', async () => {
    let calls = 0;
    const runPipelineOnceBroken: RunPipeline = async (input) => {
      calls += 1;
      if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'kind')");
      return runPipeline(input);
    };
    scenario = await startScenario({ deps: { runPipeline: runPipelineOnceBroken } });
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened, 'delivery-1');
    expect(checkRuns.runs.map((r) => r.name)).toEqual([VALIDATE_CHECK, POLICY_CHECK]);
    for (const run of checkRuns.runs) {
      expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: `kubegate:pr=2:base=${BASE_SHA}:incomplete` });
      expect(run.output.title).toBe('kubegate could not finish: internal error');
      expect(run.output.summary).toContain("TypeError: Cannot read properties of undefined (reading 'kind')");
      expect(run.output.summary).toContain('Re-run');
      expect(run.annotations).toEqual([]);
    }
    expect(comments.comments).toHaveLength(0);

    // GitHub's "Redeliver" sends the same delivery id: a failed delivery is retried, on the same runs.
    await harness.deliver('pull_request', payloads.opened, 'delivery-1');
    expect(checkRuns.runs).toHaveLength(2);
    for (const run of checkRuns.runs) {
      expect(run.history).toEqual(['in_progress', 'completed:failure', 'in_progress', 'completed:failure']);
      expect(run.external_id).toBe(`kubegate:pr=2:base=${BASE_SHA}`);
      expect(run.annotations.length).toBeGreaterThan(0);
    }
    expect(comments.comments).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test('a GitHub error in the middle of a pass completes every run with the failing call and what to do', async () => {
    scenario = await startScenario({ trees: { [BASE_SHA]: baseTree } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    expect(checkRuns.runs.map((r) => r.name)).toEqual([VALIDATE_CHECK, POLICY_CHECK]);
    for (const run of checkRuns.runs) {
      expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(run.output.title).toBe('kubegate could not finish: GitHub API error');
      expect(run.output.summary).toContain(`GitHub API: could not download the tarball of ${HEAD_SHA}: HTTP 404`);
      expect(run.output.summary).toContain('force-push');
    }
    harness.assertDone();
  }, SLOW);

  test('an invalid config on the default branch fails the check, naming the file, the field and the problem', async () => {
    const config = 'environments:\n  - name: apps\n    paths: ["apps/**/*.yaml"]\n    rendr: plain\n';
    scenario = await startScenario({ config });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    const [run] = checkRuns.runs;
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: 'Invalid kubegate config: 1 problem' } });
    expect(run?.output.summary).toContain('`.github/kubegate.yml:4`');
    expect(run?.output.summary).toContain('/environments/0/rendr');
    expect(run?.output.summary).toContain('unknown field "rendr"');
    expect(annotationLines(run?.annotations ?? [])).toEqual(['.github/kubegate.yml:4 failure validate (config)']);
    expect(checkRuns.runs[1]).toMatchObject({ name: POLICY_CHECK, conclusion: 'failure', output: { title: 'Not checked: invalid kubegate config' }, annotations: [] });
    harness.assertDone();
  }, SLOW);

  test('no config on the default branch: the defaults apply', async () => {
    scenario = await startScenario({ config: null });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.operations()).toEqual(FULL_PASS);
    expect(checkRuns.runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(annotationLines(checkRuns.runs[0]?.annotations ?? [])).toContain('apps/web/deployment.yaml:8 failure Deployment web: validate (schema)');
    expect(annotationLines(checkRuns.runs[1]?.annotations ?? [])).toEqual(POLICY_ANNOTATIONS);
    harness.assertDone();
  }, SLOW);

  test('many findings: annotations go in batches of 50, the conclusion last, and past the cap the summary says how many are left out', async () => {
    const bulk = { ...baseTree };
    for (let i = 0; i < 120; i++) {
      bulk[`apps/bulk/app-${String(i).padStart(3, '0')}.yaml`] = String(headTree['apps/web/deployment.yaml']).replace('name: web', `name: app-${i}`);
    }
    scenario = await startScenario({ trees: { [BASE_SHA]: baseTree, [HEAD_SHA]: bulk }, deps: { maxAnnotations: 110 } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    const [run] = checkRuns.named(VALIDATE_CHECK);
    const updates = harness.github
      .requestsOf('checks/update')
      .filter((r) => r.params['check_run_id'] === String(run?.id))
      .map((r) => (isObject(r.body) ? r.body : {}));
    const annotationCount = (body: JsonObject): number => {
      const output = body['output'];
      return isObject(output) && Array.isArray(output['annotations']) ? output['annotations'].length : 0;
    };
    expect(updates.map(annotationCount)).toEqual([50, 50, 10]);
    expect(updates.map((b) => b['conclusion'] ?? null)).toEqual([null, null, 'failure']);
    expect(run?.annotations).toHaveLength(110);
    expect(run?.output.summary).toContain('10 more findings are not shown as annotations (at most 110 per check run)');
    harness.assertDone();
  }, SLOW);

  test('the sticky comment: parts of an earlier, longer report are deleted; a person quoting the marker is left alone', async () => {
    scenario = await startScenario();
    const { harness, comments } = scenario;
    const person = comments.seed({ body: `${stickyMarker(1, 1)}\nI quote the bot here` });
    const [part1, part2, part3] = [1, 2, 3].map((n) => comments.seed({ body: `${stickyMarker(n, 3)}\nold part ${n}\n`, appId: harness.appId }));
    await harness.deliver('pull_request', payloads.opened);
    expect(comments.comments.map((c) => c.id)).toEqual([person.id, part1?.id]);
    expect(comments.comments[1]?.body).toContain('kubegate: ❌');
    expect(comments.deleted.map((c) => c.id)).toEqual([part2?.id, part3?.id]);
    expect(person.edits).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test("a pull request into another branch is judged by the default branch's own policies (one more tarball)", async () => {
    const config = `${CONFIG_TEXT}policies:\n  directory: .kubegate/policies\n`;
    const master = { ...baseTree, '.kubegate/policies/team.yaml': TEAM_LABEL_POLICY };
    scenario = await startScenario({ config, trees: { [BASE_SHA]: baseTree, [HEAD_SHA]: headTree, master } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', withBaseRef(payloads.opened, 'release-1.x'));
    expect(harness.github.requestsOf('repos/download-tarball-archive').map((r) => r.params['ref'])).toEqual(expect.arrayContaining([BASE_SHA, HEAD_SHA, 'master']));
    expect(harness.github.requestsOf('repos/download-tarball-archive')).toHaveLength(3);
    const policy = checkRuns.named(POLICY_CHECK)[0];
    expect(annotationLines(policy?.annotations ?? [])).toContain('apps/worker/deployment.yaml:3 failure Deployment worker: policy (require-team-label)');
    harness.assertDone();
  }, SLOW);

  test('a pull request into the default branch reads its own policies from the base snapshot: no extra request', async () => {
    const config = `${CONFIG_TEXT}policies:\n  directory: .kubegate/policies\n`;
    const withPolicy = { ...baseTree, '.kubegate/policies/team.yaml': TEAM_LABEL_POLICY };
    // The pull request deletes the policy: the rules that judge it stay those of the default branch.
    scenario = await startScenario({ config, trees: { [BASE_SHA]: withPolicy, [HEAD_SHA]: headTree } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.operations()).toEqual(FULL_PASS);
    expect(annotationLines(checkRuns.named(POLICY_CHECK)[0]?.annotations ?? [])).toContain('apps/worker/deployment.yaml:3 failure Deployment worker: policy (require-team-label)');
    harness.assertDone();
  }, SLOW);

  test('kubegate/validate finished before kubegate/policy existed (an upgrade): the pass runs and completes both', async () => {
    scenario = await startScenario();
    const { harness, checkRuns } = scenario;
    const earlier = checkRuns.seed({ name: VALIDATE_CHECK, head_sha: HEAD_SHA, status: 'completed', conclusion: 'success', external_id: `kubegate:pr=2:base=${BASE_SHA}` });
    await harness.deliver('pull_request', payloads.opened);
    expect(checkRuns.runs.map((r) => [r.name, r.status, r.conclusion])).toEqual([
      [VALIDATE_CHECK, 'completed', 'failure'],
      [POLICY_CHECK, 'completed', 'failure'],
    ]);
    expect(earlier.history).toEqual(['in_progress', 'completed:failure']);
    harness.assertDone();
  }, SLOW);

  test('GitHub Enterprise Server: every call goes to the configured host, checked against its own API description', async () => {
    scenario = await startScenario({ github: { baseUrl: 'https://ghe.example.com/api/v3', description: 'ghes-3.19' } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.operations({ withAuth: true })).toEqual(['apps/create-installation-access-token', ...FULL_PASS]);
    expect(checkRuns.runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    harness.assertDone();
  }, SLOW);
});
