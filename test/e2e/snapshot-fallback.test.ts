// A GitHub that serves no tarball (some GitHub Enterprise setups, GitHub
// stand-ins): the pass reads base and head through the Git trees and blobs
// API instead, fetching only the blobs the pipeline reads, and finds what the
// tarball pass finds. A truncated tree listing and a refused tarball (403)
// fail the checks, saying why. Every request is checked against GitHub's
// OpenAPI description by the harness.
import { spawnSync } from 'node:child_process';
import { createGitHubPort } from '../../src/github/create-github-port.js';
import { POLICY_CHECK, VALIDATE_CHECK } from '../../src/pipeline/check-names.js';
import { gitBlobSha, type GitHubReply, type JsonObject, type Tree } from '../harness/github/index.js';
import { BASE_SHA, baseTree, CONFIG_TEXT, HEAD_SHA, headTree, payloads, startScenario, type Scenario, type ScenarioOptions } from './support/hello-world.js';
import { TEAM_LABEL_POLICY } from './support/hello-world-findings.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;
const SLOW = 30_000;

const annotationLines = (annotations: JsonObject[]): string[] =>
  annotations.map((a) => `${String(a['path'])}:${String(a['start_line'])} ${String(a['annotation_level'])} ${String(a['title'])}`);

const notServed: GitHubReply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#download-a-repository-archive-tar' } };
const refused: GitHubReply = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/repos/contents#download-a-repository-archive-tar' } };

/** A scenario whose tarball requests (base and head) all get `reply`; warnings of the GitHub adapter are collected. */
async function withoutTarballs(reply: GitHubReply, options: ScenarioOptions = {}): Promise<Scenario & { warnings: string[] }> {
  const warnings: string[] = [];
  const scenario = await startScenario({
    ...options,
    tarballs: false,
    deps: { createPort: (octokit, repo) => ({ ...createGitHubPort(octokit, repo), log: { warn: (message: string) => void warnings.push(message) } }) },
  });
  scenario.harness.github.on('GET /repos/{owner}/{repo}/tarball/{ref}', () => reply, { times: 2 });
  return { ...scenario, warnings };
}

const blobSha = (tree: Tree, path: string): string => gitBlobSha(Buffer.from(String(tree[path])));

describe('a GitHub that serves no tarball', () => {
  let scenario: Scenario | undefined;
  afterEach(() => scenario?.harness.stop());

  testWithKubectl('tarball 404: base and head are read from trees and only the blobs the pipeline reads, with the findings of the tarball pass', async () => {
    const run = await withoutTarballs(notServed);
    scenario = run;
    const { harness, checkRuns } = run;
    await harness.deliver('pull_request', payloads.opened);

    expect(harness.github.operations().filter((op) => op !== 'git/get-blob')).toEqual([
      'checks/list-for-ref',
      'checks/create',
      'checks/create',
      'repos/get-content',
      'repos/compare-commits-with-basehead',
      'repos/download-tarball-archive',
      'repos/download-tarball-archive',
      'git/get-tree',
      'git/get-tree',
      'issues/list-comments',
      'issues/create-comment',
      'checks/update',
      'checks/update',
    ]);
    expect(harness.github.requestsOf('git/get-tree').map((r) => [r.params['tree_sha'], r.query['recursive']]).sort()).toEqual(
      [[BASE_SHA, '1'], [HEAD_SHA, '1']].sort(),
    );
    // Changed files on both sides, the kustomizations and the files their overlays read; each blob once.
    const fetched = harness.github.requestsOf('git/get-blob').map((r) => r.params['file_sha']);
    const expected = new Set([
      blobSha(baseTree, 'apps/web/deployment.yaml'),
      blobSha(headTree, 'apps/web/deployment.yaml'),
      blobSha(headTree, 'apps/worker/deployment.yaml'),
      blobSha(baseTree, 'platform/base/deployment.yaml'),
      blobSha(headTree, 'platform/base/deployment.yaml'),
      blobSha(headTree, 'platform/base/service.yaml'),
      ...['platform/base/kustomization.yaml', 'platform/base/service.yaml'].map((p) => blobSha(baseTree, p)),
      ...['production', 'staging'].flatMap((env) => ['kustomization.yaml', 'replicas.yaml'].map((f) => blobSha(baseTree, `platform/overlays/${env}/${f}`))),
    ]);
    expect(fetched.slice().sort()).toEqual([...expected].sort());
    expect(fetched).not.toContain(blobSha(baseTree, 'apps/web/service.yaml'));
    expect(fetched).not.toContain(blobSha(baseTree, '.github/kubegate.yml'));

    const [validate, policy] = checkRuns.runs;
    expect(validate).toMatchObject({ name: VALIDATE_CHECK, conclusion: 'failure', output: { title: '4 invalid of 7 resources' } });
    expect(annotationLines(validate?.annotations ?? [])).toEqual([
      'apps/web/deployment.yaml:8 failure Deployment web: validate (schema)',
      'apps/worker/deployment.yaml:17 failure Deployment worker: validate (schema)',
      'platform/base/deployment.yaml:22 failure Deployment staging-api: validate (schema)',
      'platform/base/deployment.yaml:22 failure Deployment api: validate (schema)',
    ]);
    expect(policy).toMatchObject({ name: POLICY_CHECK, conclusion: 'failure', output: { title: '2 policy violations, 1 warning' } });
    expect(annotationLines(policy?.annotations ?? [])).toEqual([
      'apps/worker/deployment.yaml:18 failure Deployment worker: policy (kubegate-disallow-privilege-escalation)',
      'apps/worker/deployment.yaml:19 failure Deployment worker: policy (kubegate-disallow-privileged)',
      'apps/worker/deployment.yaml:20 warning Deployment worker: policy (kubegate-require-memory-limit)',
    ]);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/GitHub served no tarball \(GitHub API: could not download the tarball of \w+: HTTP 404.*trees and blobs API/);
    harness.assertDone();
  }, SLOW);

  test("the repository's own policies, unchanged by the pull request, are fetched for the policy check", async () => {
    const config = `${CONFIG_TEXT}policies:\n  directory: .kubegate/policies\n`;
    const policy = { '.kubegate/policies/team.yaml': TEAM_LABEL_POLICY };
    const run = await withoutTarballs(notServed, { config, trees: { [BASE_SHA]: { ...baseTree, ...policy }, [HEAD_SHA]: { ...headTree, ...policy } } });
    scenario = run;
    const { harness, checkRuns } = run;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.requestsOf('git/get-blob').map((r) => r.params['file_sha'])).toContain(gitBlobSha(Buffer.from(TEAM_LABEL_POLICY)));
    expect(annotationLines(checkRuns.named(POLICY_CHECK)[0]?.annotations ?? [])).toContain('apps/worker/deployment.yaml:3 failure Deployment worker: policy (require-team-label)');
    expect(run.warnings).toHaveLength(1);
    harness.assertDone();
  }, SLOW);

  test('a truncated tree listing completes both checks as failure, saying why and what to do', async () => {
    const run = await withoutTarballs(notServed, { truncatedTrees: [HEAD_SHA] });
    scenario = run;
    const { harness, checkRuns } = run;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.requestsOf('git/get-tree')).toHaveLength(2);
    expect(harness.github.requestsOf('git/get-blob')).toEqual([]);
    expect(checkRuns.runs.map((r) => r.name)).toEqual([VALIDATE_CHECK, POLICY_CHECK]);
    for (const check of checkRuns.runs) {
      expect(check).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'kubegate could not finish: repository snapshot' } });
      expect(check.output.summary).toContain(`could not read the repository at ${HEAD_SHA}`);
      expect(check.output.summary).toMatch(/tree listing .* came back truncated/);
      expect(check.output.summary).toContain('Enable the tarball endpoint');
    }
    harness.assertDone();
  }, SLOW);

  test('a refused tarball (403) fails the checks as a permission problem: no fallback', async () => {
    const run = await withoutTarballs(refused);
    scenario = run;
    const { harness, checkRuns } = run;
    await harness.deliver('pull_request', payloads.opened);
    expect(harness.github.requestsOf('git/get-tree')).toEqual([]);
    expect(run.warnings).toEqual([]);
    for (const check of checkRuns.runs) {
      expect(check).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'kubegate could not finish: GitHub API error' } });
      expect(check.output.summary).toMatch(/could not download the tarball of \w+: HTTP 403/);
      expect(check.output.summary).toContain('permissions');
    }
    harness.assertDone();
  }, SLOW);
});
