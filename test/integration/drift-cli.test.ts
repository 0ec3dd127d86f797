// `kubegate drift --env NAME` against the local control plane: the objects of
// a git repository's commit, synced, then changed with kubectl; exit 0 in
// sync, 1 drifted (with the report), 2 on a usage error. Without --ref the
// revision is the one the environment's ApplySet parent records as deployed,
// so a merge that was not synced yet is not reported as drift; a parent
// without a record falls back to HEAD with a note.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { git } from '../unit/cli-plan/make-demo-repo.js';
import { deploymentText } from './drift-helpers.js';
import { configMap, hasKubectl, kubectl, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', cwd, env: {} };
}

/** A git repository whose environment "staging" holds deploy/web.yaml; returns its HEAD. */
function makeRepo(repo: string, ns: string): string {
  mkdirSync(join(repo, '.github'), { recursive: true });
  mkdirSync(join(repo, 'deploy'), { recursive: true });
  writeFileSync(join(repo, '.github/kubegate.yml'), `environments:\n  - name: staging\n    cluster: local\n    paths: ["deploy/*.yaml"]\n    namespace: ${ns}\n    sync: {mode: apply}\n`);
  writeFileSync(join(repo, 'deploy/web.yaml'), deploymentText(ns));
  git(repo, 'init', '-q', '-b', 'main');
  return commitAll(repo, 'deploy');
}

function commitAll(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

describe('kubegate drift', () => {
  const repos: string[] = [];
  const newRepo = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-drift-cli-'));
    repos.push(dir);
    return dir;
  };
  afterAll(() => repos.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  testWithKubectl('exit 0 in sync, 1 with the report after kubectl scale, 2 for an unknown environment (a parent without a record: HEAD, with a note)', async () => {
    const ns = await freshNamespace('drift-cli');
    const repo = newRepo();
    const head = makeRepo(repo, ns);
    await syncText(deploymentText(ns), { namespace: ns });

    const args = ['drift', '--env', 'staging', '--repo', repo, '--kubeconfig', kubeconfigPath()];
    const clean = captureIo(repo);
    expect(await runCli(args, clean)).toBe(0);
    expect(clean.out.join('')).toMatch(/in sync \(1 objects\)/);
    expect(clean.out.join('')).toContain(`kubegate drift: environment staging, cluster local, revision ${head.slice(0, 12)} (HEAD: the ApplySet parent records no deployed revision)`);
    expect(clean.err.join('')).toBe(`kubegate drift: the ApplySet parent of staging (Secret ${ns}/applyset-kubegate-staging) records no deployed revision; comparing with HEAD (${head.slice(0, 12)}); pass --ref to choose\n`);

    expect(kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=3']).status).toBe(0);
    const drifted = captureIo(repo);
    expect(await runCli(args, drifted)).toBe(1);
    expect(drifted.out.join('')).toContain(`- **Deployment ${ns}/web** (Git → live):\n  - \`spec.replicas\`: \`2\` → \`3\` — by kubectl (scale)`);

    const unknown = captureIo(repo);
    expect(await runCli(['drift', '--env', 'nope', '--repo', repo, '--kubeconfig', kubeconfigPath()], unknown)).toBe(2);
    expect(unknown.err.join('')).toMatch(/no environment "nope".*known: staging/);
  });

  testWithKubectl('without --ref, the revision the ApplySet parent records: a merge not synced yet is not drift; --ref HEAD compares with it', async () => {
    const ns = await freshNamespace('drift-cli-deployed');
    const repo = newRepo();
    const deployed = makeRepo(repo, ns);
    await syncText(deploymentText(ns), { namespace: ns, record: { repository: 'acme/gitops', revision: deployed } });
    // A merge after the sync adds an object: it is in Git (HEAD), not in the cluster.
    writeFileSync(join(repo, 'deploy/extra.yaml'), configMap(ns, 'extra'));
    const merged = commitAll(repo, 'add extra');
    const base = ['drift', '--env', 'staging', '--repo', repo, '--kubeconfig', kubeconfigPath()];

    const deployedRun = captureIo(repo);
    expect(await runCli(base, deployedRun)).toBe(0);
    expect(deployedRun.out.join('')).toContain(`kubegate drift: environment staging, cluster local, revision ${deployed.slice(0, 12)} (the deployed revision, recorded on the ApplySet parent)`);
    expect(deployedRun.out.join('')).toContain(`Environment **staging** at ${deployed.slice(0, 12)}: in sync (1 objects).`);
    expect(deployedRun.err).toEqual([]);

    const atHead = captureIo(repo);
    expect(await runCli([...base, '--ref', 'HEAD'], atHead)).toBe(1);
    expect(atHead.out.join('')).toContain(`revision ${merged.slice(0, 12)} (--ref)`);
    expect(atHead.out.join('')).toContain(`- **ConfigMap ${ns}/extra**: deleted from the cluster`);

    const json = captureIo(repo);
    expect(await runCli([...base, '--output', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out.join(''))).toMatchObject({ environment: 'staging', revision: deployed, revisionSource: 'applyset-parent', drifted: [] });

    // A recorded revision this clone does not have: said so, exit 2.
    const unknownSha = 'f'.repeat(40);
    await syncText(deploymentText(ns), { namespace: ns, record: { repository: 'acme/gitops', revision: unknownSha } });
    const missing = captureIo(repo);
    expect(await runCli(base, missing)).toBe(2);
    expect(missing.err.join('')).toContain(`the deployed revision ${unknownSha.slice(0, 12)} (recorded on Secret ${ns}/applyset-kubegate-staging) is not in the repository at ${repo}: fetch it, or pass --ref`);
  });
});
