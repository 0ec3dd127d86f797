import { rmSync } from 'node:fs';
import { run, type PlanDeps } from '../../../src/cli/commands/plan.js';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { planSettings } from '../../../src/cli/commands/plan-diff-environment.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { AppSettings } from '../../../src/settings/index.js';
import type { EnvironmentDiffRequest } from '../../../src/diff/index.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { findMergeBase } from '../../../src/snapshot/find-merge-base.js';
import { readGitSnapshot } from '../../../src/snapshot/read-git-snapshot.js';
import { testDeps } from '../pipeline/pipeline-harness.js';
import { pureDiffEnvironment } from '../pipeline/pure-diff-environment.js';
import { itWithKubectl } from '../render/kubectl-available.js';
import { git, makeDemoRepo } from './make-demo-repo.js';

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', cwd, env: {} };
}

const deps: PlanDeps = { readSnapshot: readGitSnapshot, runPipeline: (input, diffEnvironment) => runPipeline(input, testDeps(diffEnvironment ? { diffEnvironment } : {})) };

describe('kubegate plan', () => {
  let demo: { repo: string; base: string; head: string };
  beforeAll(() => {
    demo = makeDemoRepo();
  });
  afterAll(() => rmSync(demo.repo, { recursive: true, force: true }));

  itWithKubectl('prints the sticky comment, then each check with its annotations, and exits 1 when a check fails', async () => {
    const io = captureIo(demo.repo);
    const code = await run(['--base', demo.base], io, deps);
    const out = io.out.join('');
    expect(code).toBe(1);
    expect(out.startsWith('<!-- kubegate:sticky part=1/1 -->\n### kubegate: ❌ 2 checks failed\n')).toBe(true);
    expect(out).toContain('#### `kubegate/policy`\n\n2 policy violations, 1 warning.');
    expect(out).toContain(`Reflects commit ${demo.head} (base ${demo.base}).`);
    const checkLines = out.slice(out.indexOf('== check')).trimEnd().split('\n');
    expect(checkLines).toEqual([
      '== check kubegate/validate: failure — 4 invalid of 7 resources',
      'apps/web/deployment.yaml:8: failure: Deployment web: spec.replicas: expected integer or null, but got string',
      "apps/worker/deployment.yaml:16: failure: Deployment worker: spec.template.spec.containers[0]: additional properties 'imagee' not allowed",
      'platform/base/deployment.yaml:22: failure: Deployment staging-api: spec.template.spec.containers[0].env[0].value: expected string or null, but got number (as rendered for environment staging)',
      'platform/base/deployment.yaml:22: failure: Deployment api: spec.template.spec.containers[0].env[0].value: expected string or null, but got number (as rendered for environment production)',
      '== check kubegate/policy: failure — 2 policy violations, 1 warning',
      'apps/worker/deployment.yaml:18: failure: Deployment worker: kubegate-disallow-privilege-escalation: container(s) worker may escalate privileges; set securityContext.allowPrivilegeEscalation: false',
      'apps/worker/deployment.yaml:19: failure: Deployment worker: kubegate-disallow-privileged: container(s) worker run privileged; remove securityContext.privileged (or set it to false) and add only the capabilities the container needs',
      'apps/worker/deployment.yaml:20: warning: Deployment worker: kubegate-require-memory-limit: container(s) worker set no memory limit; set resources.limits.memory',
    ]);
    expect(out).not.toContain('demo-s3cret-never-printed');
  });

  itWithKubectl('prints JSON with --output json, with --repo from another directory', async () => {
    const io = captureIo('/');
    const code = await run(['--base', 'HEAD~1', '--head', 'main', '--repo', demo.repo, '--output', 'json'], io, deps);
    expect(code).toBe(1);
    const doc = JSON.parse(io.out.join('')) as { headSha: string; comment: string[]; checks: Array<{ name: string; conclusion: string; text?: string; annotations: unknown[] }> };
    expect(doc.headSha).toBe(demo.head);
    expect(doc.comment[0]).toMatch(/^<!-- kubegate:sticky part=1\/1 -->/);
    expect(doc.checks.map((c) => [c.name, c.conclusion, c.annotations.length])).toEqual([
      ['kubegate/validate', 'failure', 4],
      ['kubegate/policy', 'failure', 3],
    ]);
    expect(doc.checks[1]?.text).toContain('| Deny | `kubegate-disallow-privileged` | Deployment `apps/worker` |');
    expect(doc.checks[0]?.annotations[0]).toEqual({
      path: 'apps/web/deployment.yaml',
      line: 8,
      level: 'failure',
      message: 'Deployment web: spec.replicas: expected integer or null, but got string',
    });
  });

  it('exits 0 when nothing changed', async () => {
    const io = captureIo(demo.repo);
    expect(await run(['--base', demo.base, '--head', demo.base], io, deps)).toBe(0);
    expect(io.out.join('')).toContain('== check kubegate/validate: success — No Kubernetes manifests changed');
    expect(io.out.join('')).toContain('== check kubegate/policy: success — No policy violations');
  });

  it('reads the config from the base ref, not from the head', async () => {
    const io = captureIo(demo.repo);
    const before = git(demo.repo, 'rev-parse', 'HEAD');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${demo.repo}/.github/kubegate.yml`, 'environments: []\nsurprise: true\n');
    git(demo.repo, 'commit', '-q', '-am', 'loosen the rules');
    try {
      await run(['--base', before, '--head', 'HEAD'], io, deps);
      expect(io.out.join('')).toContain('No Kubernetes manifests changed');
      const io2 = captureIo(demo.repo);
      expect(await run(['--base', 'HEAD', '--head', 'HEAD'], io2, deps)).toBe(1);
      expect(io2.out.join('')).toContain('Invalid kubegate config');
    } finally {
      git(demo.repo, 'reset', '-q', '--hard', before);
    }
  });

  itWithKubectl('measures HEAD from its merge base with BASE: a file changed only on BASE since is not reported', async () => {
    // BASE moved on after HEAD branched off (at demo.base): it changed the Service, which HEAD did not touch.
    git(demo.repo, 'checkout', '-q', '-b', 'moved-on', demo.base);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${demo.repo}/apps/web/service.yaml`, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 8080\n');
    git(demo.repo, 'commit', '-q', '-am', 'the base branch changes the Service');
    git(demo.repo, 'checkout', '-q', 'main');
    try {
      const io = captureIo(demo.repo);
      const merged: string[] = [];
      const spy: PlanDeps = { ...deps, findMergeBase: async (r) => findMergeBase(r).then((sha) => (merged.push(String(sha)), sha)) };
      expect(await run(['--base', 'moved-on', '--head', demo.head], io, spy)).toBe(1);
      expect(merged).toEqual([demo.base]);
      const out = io.out.join('');
      expect(out).toContain(`Reflects commit ${demo.head} (base ${demo.base}).`);
      expect(out).toContain('== check kubegate/validate: failure — 4 invalid of 7 resources');
      expect(out).not.toContain('service.yaml');

      // Against BASE's tip itself (what the merge base replaces), HEAD's older Service counts as a change.
      const tipIo = captureIo(demo.repo);
      await run(['--base', 'moved-on', '--head', demo.head], tipIo, { ...deps, findMergeBase: async () => undefined });
      expect(tipIo.err.join('')).toMatch(/have no common commit; comparing HEAD with BASE itself/);
      expect(tipIo.out.join('')).toContain('== check kubegate/validate: failure — 4 invalid of 8 resources');
    } finally {
      git(demo.repo, 'branch', '-q', '-D', 'moved-on');
    }
  });

  it.each([
    [[], '--base REF is required'],
    [['--base', 'x', '--output', 'yaml'], '--output must be "markdown" or "json", not "yaml"'],
    [['--base', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['--base', 'x', '--context', 'prod'], '--context needs --kubeconfig'],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const io = captureIo(demo.repo);
    expect(await runCli(['plan', ...args], io)).toBe(2);
    expect(io.err.join('')).toContain(message);
  });

  it('exits 2 with one clear line when the ref or the repository is wrong', async () => {
    const io = captureIo(demo.repo);
    expect(await runCli(['plan', '--base', 'no-such-ref'], io)).toBe(2);
    expect(io.err.join('')).toBe(`kubegate plan: "no-such-ref" is not a commit in the git repository at ${demo.repo}\n`);
  });

  itWithKubectl('with --kubeconfig: every environment naming a cluster is diffed against it, and each diff check is printed', async () => {
    const io = captureIo(demo.repo);
    const requests: EnvironmentDiffRequest[] = [];
    const settings: AppSettings[] = [];
    const withDiff: PlanDeps = {
      ...deps,
      createDiffEnvironment: async (s) => (settings.push(s), pureDiffEnvironment(requests)),
    };
    expect(await run(['--base', demo.base, '--kubeconfig', 'kube/config', '--context', 'local'], io, withDiff)).toBe(1);
    expect([...(settings[0]?.clusters.values() ?? [])].map((c) => [c.name, c.kubeconfig, c.context])).toEqual([
      ['staging-eu', `${demo.repo}/kube/config`, 'local'],
      ['production-eu', `${demo.repo}/kube/config`, 'local'],
    ]);
    expect(requests.map((r) => [r.environment, r.cluster, r.fromFork])).toEqual([
      ['apps', 'staging-eu', false],
      ['staging', 'staging-eu', false],
      ['production', 'production-eu', false],
    ]);
    const out = io.out.join('');
    expect(out).toContain('### Cluster diff: `staging` (cluster `staging-eu`)');
    expect(out).toContain('+  - name: metrics\n');
    expect(out).toContain('== check kubegate/diff (staging): success — 1 to update\n');
    expect(out).toContain('== check kubegate/diff (production): success — 1 to update, 1 unchanged\n');
    expect(out).not.toContain('demo-s3cret-never-printed');
  });

  it('without --kubeconfig or app settings: the cluster adapter is not even loaded', async () => {
    const io = captureIo(demo.repo);
    let asked = false;
    await run(['--base', demo.base, '--head', demo.base], io, { ...deps, createDiffEnvironment: async () => ((asked = true), pureDiffEnvironment()) });
    expect(asked).toBe(false);
    expect(io.out.join('')).not.toContain('kubegate/diff');
  });

  it('planSettings: --kubeconfig maps each cluster name of the config; app settings apply to any repository', () => {
    const config = loadRepoConfig('environments:\n  - name: a\n    cluster: eu\n    paths: [a]\n  - name: b\n    cluster: eu\n    paths: [b]\n  - name: c\n    paths: [c]\n');
    const io = { cwd: '/work', env: {} };
    expect([...(planSettings({ kubeconfig: 'k.yaml' }, config, io)?.clusters.keys() ?? [])]).toEqual(['eu']);
    expect(planSettings({}, config, io)).toBeUndefined();
    const json = JSON.stringify({ clusters: { eu: { kubeconfig: '/k', repositories: ['acme/gitops'] } } });
    const fromSettings = planSettings({}, config, { cwd: '/work', env: { KUBEGATE_SETTINGS_JSON: json } });
    expect(fromSettings?.clusters.get('eu')).toMatchObject({ kubeconfig: '/k', repositories: ['*/*'] });
    expect(planSettings({}, config, { cwd: '/work', env: { KUBEGATE_SETTINGS_JSON: '{}' } })).toBeUndefined();
  });

  it('prints its help', async () => {
    const io = captureIo(demo.repo);
    expect(await run(['--help'], io, deps)).toBe(0);
    expect(io.out.join('')).toContain('Usage: kubegate plan --base REF');
  });
});
