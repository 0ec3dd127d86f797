// The diff check runs in the app, without a cluster: the pure diff engine
// stands in for the cluster dry-run (test/unit/pipeline/pure-diff-environment.ts),
// GitHub is the FakeGitHub of the harness. Which runs a pass opens, when, and
// that every run it opened is completed, also when GitHub fails midway.
import { spawnSync } from 'node:child_process';
import { createGitHubPort } from '../../src/github/create-github-port.js';
import type { GitHubPort } from '../../src/github/github-port.js';
import { GitHubApiError } from '../../src/github/errors.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { pureDiffEnvironment } from '../unit/pipeline/pure-diff-environment.js';
import { passOperations, payloads, startScenario, type Scenario } from './support/hello-world.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;
const SLOW = 30_000;
const DIFF_CHECKS = ['kubegate/diff (apps)', 'kubegate/diff (staging)', 'kubegate/diff (production)'];

describe('the kubegate/diff (ENV) check runs of a pull request', () => {
  let scenario: Scenario | undefined;
  afterEach(() => scenario?.harness.stop());

  testWithKubectl('created once the report names them, one per affected environment with a cluster, completed before kubegate/validate and kubegate/policy', async () => {
    scenario = await startScenario({ deps: { diffEnvironment: pureDiffEnvironment() } });
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);

    expect(harness.github.operations()).toEqual(passOperations(DIFF_CHECKS.length));
    expect(checkRuns.runs.map((r) => [r.name, r.history])).toEqual([
      ['kubegate/validate', ['in_progress', 'completed:failure']],
      ['kubegate/policy', ['in_progress', 'completed:failure']],
      ['kubegate/diff (apps)', ['in_progress', 'completed:success']],
      ['kubegate/diff (staging)', ['in_progress', 'completed:success']],
      ['kubegate/diff (production)', ['in_progress', 'completed:success']],
    ]);
    expect(checkRuns.named('kubegate/diff (staging)')[0]?.output).toMatchObject({ title: '1 to update' });
    const body = comments.comments[0]?.body ?? '';
    expect(body).toContain('| `kubegate/diff (staging)` | ✅ success | 1 to update |');
    expect(body.indexOf('### Cluster diff: `apps`')).toBeLessThan(body.indexOf('### Cluster diff: `staging`'));
    expect(body.indexOf('### Cluster diff: `staging`')).toBeLessThan(body.indexOf('### Cluster diff: `production`'));
    expect(body).toContain('Not sent to the cluster: 2 objects with schema errors');
    harness.assertDone();
  }, SLOW);

  testWithKubectl('GitHub failing while a diff run completes: every run the pass opened is completed as failure, saying what went wrong', async () => {
    let failed = false;
    const createPort: typeof createGitHubPort = (octokit, repo) => {
      const port = createGitHubPort(octokit, repo);
      const updateCheckRun: GitHubPort['updateCheckRun'] = async (id, update) => {
        if (!failed && 'status' in update && update.status === 'completed' && update.conclusion === 'success') {
          failed = true;
          throw new GitHubApiError(`update check run ${id}`, 502, 'HTTP 502: Bad Gateway');
        }
        return port.updateCheckRun(id, update);
      };
      return { ...port, updateCheckRun };
    };
    scenario = await startScenario({ deps: { diffEnvironment: pureDiffEnvironment(), createPort } });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.opened);

    expect(checkRuns.runs.map((r) => [r.name, r.status, r.conclusion, r.output.title])).toEqual([
      ['kubegate/validate', 'completed', 'failure', 'kubegate could not finish: GitHub API error'],
      ['kubegate/policy', 'completed', 'failure', 'kubegate could not finish: GitHub API error'],
      ['kubegate/diff (apps)', 'completed', 'failure', 'kubegate could not finish: GitHub API error'],
    ]);
    expect(checkRuns.runs[2]?.output.summary).toContain('HTTP 502: Bad Gateway');
    harness.assertDone();
  }, SLOW);

  test('settings without clusters: no diff run, and the comment says once that no cluster is configured', async () => {
    scenario = await startScenario({ deps: { settings: parseAppSettings({}, 'test', '/') } });
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);
    expect(checkRuns.runs.map((r) => r.name)).toEqual(['kubegate/validate', 'kubegate/policy']);
    const body = comments.comments[0]?.body ?? '';
    expect(body.match(/No cluster is configured/g)).toHaveLength(1);
    expect(body).toContain('no cluster diff was computed for 3 environments: `apps` (cluster `staging-eu`), `staging` (cluster `staging-eu`), `production` (cluster `production-eu`).');
    harness.assertDone();
  }, SLOW);
});
