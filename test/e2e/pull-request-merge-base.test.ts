// The pull request's changes are measured from the merge base, not from the
// base branch's tip: master fixed apps/web/service.yaml after the pull request
// branched off, so the head still has the broken Service, but the pull request
// did not change it and it is not reported. When GitHub's compare fails, the
// pass falls back to the tip (and then does report it), with a warning.
// Every request is checked against GitHub's OpenAPI description.
import { spawnSync } from 'node:child_process';
import { createGitHubPort } from '../../src/github/create-github-port.js';
import type { JsonObject, Tree } from '../harness/github/index.js';
import { BASE_SHA, baseTree, HEAD_SHA, headTree, passOperations, payloads, startScenario, type Scenario, type ScenarioOptions } from './support/hello-world.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;
const SLOW = 30_000;

/** Where the pull request branched off master: master then, with a broken Service. */
const MERGE_BASE_SHA = '3a9b7c1d5e2f4a6b8c0d1e3f5a7b9c2d4e6f8a0b';
const brokenService = String(baseTree['apps/web/service.yaml']).replace('port: 80', 'port: eighty');
const trees: Record<string, Tree> = {
  [MERGE_BASE_SHA]: { ...baseTree, 'apps/web/service.yaml': brokenService },
  [BASE_SHA]: baseTree, // master's tip: the Service fixed
  [HEAD_SHA]: { ...headTree, 'apps/web/service.yaml': brokenService }, // the pull request's changes on the merge base
};

/** The demo pull request's own schema findings. */
const PULL_REQUEST_FINDINGS = [
  'apps/web/deployment.yaml:8 failure Deployment web: validate (schema)',
  'apps/worker/deployment.yaml:17 failure Deployment worker: validate (schema)',
  'platform/base/deployment.yaml:22 failure Deployment staging-api: validate (schema)',
  'platform/base/deployment.yaml:22 failure Deployment api: validate (schema)',
];

const annotationLines = (annotations: JsonObject[]): string[] =>
  annotations.map((a) => `${String(a['path'])}:${String(a['start_line'])} ${String(a['annotation_level'])} ${String(a['title'])}`);

async function start(options: ScenarioOptions): Promise<Scenario & { warnings: string[] }> {
  const warnings: string[] = [];
  const scenario = await startScenario({
    ...options,
    trees,
    deps: { createPort: (octokit, repo) => ({ ...createGitHubPort(octokit, repo), log: { warn: (message: string) => void warnings.push(message) } }) },
  });
  return { ...scenario, warnings };
}

describe('the pull request is compared with its merge base', () => {
  let scenario: Scenario | undefined;
  afterEach(() => scenario?.harness.stop());

  testWithKubectl('a file changed only on the base branch is not reported', async () => {
    const run = await start({ compare: { mergeBases: { [HEAD_SHA]: MERGE_BASE_SHA } } });
    scenario = run;
    const { harness, checkRuns, comments } = run;
    await harness.deliver('pull_request', payloads.opened);

    expect(harness.github.operations()).toEqual(passOperations());
    expect(harness.github.requestsOf('repos/compare-commits-with-basehead').map((r) => r.params['basehead'])).toEqual([`${BASE_SHA}...${HEAD_SHA}`]);
    expect(harness.github.requestsOf('repos/download-tarball-archive').map((r) => r.params['ref']).sort()).toEqual([MERGE_BASE_SHA, HEAD_SHA].sort());
    const [validate] = checkRuns.runs;
    expect(validate?.output.title).toBe('4 invalid of 7 resources');
    expect(annotationLines(validate?.annotations ?? [])).toEqual(PULL_REQUEST_FINDINGS);
    expect(comments.comments[0]?.body).toContain(`(base ${MERGE_BASE_SHA})`);
    expect(comments.comments[0]?.body).not.toContain('service.yaml');
    expect(run.warnings).toEqual([]);
    harness.assertDone();
  }, SLOW);

  testWithKubectl("when the compare fails, the base branch's tip is used, with a warning", async () => {
    const run = await start({ compare: { failing: [HEAD_SHA] } });
    scenario = run;
    const { harness, checkRuns } = run;
    await harness.deliver('pull_request', payloads.opened);

    expect(harness.github.requestsOf('repos/download-tarball-archive').map((r) => r.params['ref']).sort()).toEqual([BASE_SHA, HEAD_SHA].sort());
    const [validate] = checkRuns.runs;
    expect(annotationLines(validate?.annotations ?? [])).toContain('apps/web/service.yaml:9 failure Service web: validate (schema)');
    expect(run.warnings).toEqual([expect.stringMatching(new RegExp(`^kubegate: Codertocat/Hello-World#2: no merge base of ${BASE_SHA.slice(0, 7)} and ${HEAD_SHA.slice(0, 7)} \\(GitHub API: could not compare .*HTTP 404.*\\); comparing with the base branch's head instead`))]);
    harness.assertDone();
  }, SLOW);
});
