// `kubegate drift --env NAME` against the local control plane: the objects of
// a git repository's commit, synced, then changed with kubectl; exit 0 in
// sync, 1 drifted (with the report), 2 on a usage error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { git } from '../unit/cli-plan/make-demo-repo.js';
import { deploymentText } from './drift-helpers.js';
import { hasKubectl, kubectl, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', cwd, env: {} };
}

describe('kubegate drift', () => {
  const repo = mkdtempSync(join(tmpdir(), 'kubegate-drift-cli-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  testWithKubectl('exit 0 in sync, 1 with the report after kubectl scale, 2 for an unknown environment', async () => {
    const ns = await freshNamespace('drift-cli');
    mkdirSync(join(repo, '.github'), { recursive: true });
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    writeFileSync(join(repo, '.github/kubegate.yml'), `environments:\n  - name: staging\n    cluster: local\n    paths: ["deploy/*.yaml"]\n    namespace: ${ns}\n`);
    writeFileSync(join(repo, 'deploy/web.yaml'), deploymentText(ns));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'deploy');
    await syncText(deploymentText(ns), { namespace: ns });

    const args = ['drift', '--env', 'staging', '--repo', repo, '--kubeconfig', kubeconfigPath()];
    const clean = captureIo(repo);
    expect(await runCli(args, clean)).toBe(0);
    expect(clean.out.join('')).toMatch(/in sync \(1 objects\)/);

    expect(kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=3']).status).toBe(0);
    const drifted = captureIo(repo);
    expect(await runCli(args, drifted)).toBe(1);
    expect(drifted.out.join('')).toContain(`- **Deployment ${ns}/web** (Git → live):\n  - \`spec.replicas\`: \`2\` → \`3\` — by kubectl (scale)`);

    const unknown = captureIo(repo);
    expect(await runCli(['drift', '--env', 'nope', '--repo', repo, '--kubeconfig', kubeconfigPath()], unknown)).toBe(2);
    expect(unknown.err.join('')).toMatch(/no environment "nope".*known: staging/);
  });
});
