// `kubegate sync --env NAME` against the local control plane: the objects of
// a git repository's commit applied with the app's sync executor; a re-run
// changes nothing, --dry-run writes nothing (not even the Lease), --prune
// removes what the commit no longer has, and a refused object leaves the
// cluster untouched with Secret values masked in what is printed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';
import { APPLYSET_PART_OF_LABEL } from '../../src/sync/index.js';
import type { SyncResult } from '../../src/sync/types.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { git } from '../unit/cli-plan/make-demo-repo.js';
import { configMap } from './sync/sync-helpers.js';

interface Captured extends CliIo {
  out: string[];
  err: string[];
}

function captureIo(cwd: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', cwd, env: {} };
}

/** A git repository whose one environment (named after its namespace, so its Lease is its own) syncs in apply mode. */
function makeRepo(ns: string, mode = 'apply'): { dir: string; commit: (files: Record<string, string | null>) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-sync-cli-'));
  mkdirSync(join(dir, '.github'));
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, '.github/kubegate.yml'), `environments:\n  - name: ${ns}\n    cluster: local\n    paths: ["deploy/*.yaml"]\n    namespace: ${ns}\nsync:\n  mode: ${mode}\n  waitForRollout: false\n`);
  git(dir, 'init', '-q', '-b', 'main');
  const commit = (files: Record<string, string | null>): string => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(dir, path));
      else writeFileSync(join(dir, path), text);
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'change');
    return git(dir, 'rev-parse', 'HEAD');
  };
  return { dir, commit };
}

async function sync(dir: string, env: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir);
  const code = await runCli(['sync', '--env', env, '--repo', dir, '--kubeconfig', kubeconfigPath(), ...extra], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

function actions(out: string): string[] {
  const result = JSON.parse(out) as SyncResult;
  return result.objects.map((o) => `${o.ref.kind} ${o.ref.name} ${o.action}`).sort();
}

const find = (ns: string, name: string, kind = 'ConfigMap', apiVersion = 'v1') => clusterClient().find({ apiVersion, kind, name, namespace: ns });
const repos: string[] = [];
afterAll(() => repos.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('kubegate sync', () => {
  test('dry run writes nothing; apply; a re-run is unchanged; prune after removal (previewed first)', async () => {
    const ns = await freshNamespace('sync-cli');
    const repo = makeRepo(ns);
    repos.push(repo.dir);
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: "correct horse battery"}\n`;
    const sha = repo.commit({ 'deploy/a.yaml': configMap(ns, 'a'), 'deploy/b.yaml': configMap(ns, 'b'), 'deploy/secret.yaml': secret });

    // 1. The preview: every object dry-run, nothing written (no objects, no ApplySet parent, no Lease).
    const preview = await sync(repo.dir, ns, '--dry-run');
    expect(preview).toMatchObject({ code: 0, err: '' });
    expect(preview.out).toContain(`kubegate sync: environment ${ns}, cluster local, commit ${sha.slice(0, 7)} (dry run: nothing is written)`);
    expect(preview.out).toContain(`created     ConfigMap ${ns}/a (deploy/a.yaml:1)`);
    expect(preview.out).toMatch(/^passed: dry run, nothing written: 3 created \(/m);
    expect(await find(ns, 'a')).toBeNull();
    expect(await find(ns, `applyset-kubegate-${ns}`, 'Secret')).toBeNull();
    expect(await clusterClient().find({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: `kubegate-sync-${ns}`, namespace: 'kube-system' })).toBeNull();

    // 2. The sync, then the same again.
    const first = await sync(repo.dir, ns);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^synced: 3 created \(/m);
    expect(first.out).not.toContain('correct horse battery');
    expect((await find(ns, 'a'))?.metadata.labels?.[APPLYSET_PART_OF_LABEL]).toMatch(/^applyset-/);
    const again = await sync(repo.dir, ns, '--output', 'json');
    expect(again.code).toBe(0);
    expect(actions(again.out)).toEqual(['ConfigMap a unchanged', 'ConfigMap b unchanged', 'Secret creds unchanged']);
    expect(JSON.parse(again.out)).toMatchObject({ status: 'succeeded', revision: sha, mode: 'apply' });

    // 3. b removed from Git, a changed: previewed with prune (b stays), then synced (b goes).
    repo.commit({ 'deploy/a.yaml': configMap(ns, 'a', 'v2'), 'deploy/b.yaml': null });
    const prunePreview = await sync(repo.dir, ns, '--dry-run', '--prune', '--output', 'json');
    expect(prunePreview.code).toBe(0);
    expect(actions(prunePreview.out)).toEqual(['ConfigMap a configured', 'ConfigMap b pruned', 'Secret creds unchanged']);
    expect(JSON.parse(prunePreview.out)).toMatchObject({ dryRun: true });
    expect(await find(ns, 'b')).not.toBeNull();
    expect((await find(ns, 'a'))?.data).toEqual({ key: 'v1' });

    const noPrune = await sync(repo.dir, ns, '--no-prune', '--output', 'json');
    expect(actions(noPrune.out)).toEqual(['ConfigMap a configured', 'Secret creds unchanged']);
    expect(await find(ns, 'b')).not.toBeNull();
    const pruned = await sync(repo.dir, ns, '--prune');
    expect(pruned.code).toBe(0);
    expect(pruned.out).toContain(`pruned      ConfigMap ${ns}/b\n`);
    expect(await find(ns, 'b')).toBeNull();
  });

  test('a refused object leaves the cluster untouched (exit 1) and Secret values are masked', async () => {
    const ns = await freshNamespace('sync-cli-refused');
    const repo = makeRepo(ns);
    repos.push(repo.dir);
    repo.commit({ 'deploy/a.yaml': configMap(ns, 'a') });
    expect((await sync(repo.dir, ns)).code).toBe(0);
    // The label value is not a valid label, and the server quotes it; it is also the Secret's value.
    const leaky = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaky\n  labels: {token: "hunter2 hunter2!"}\nstringData: {token: "hunter2 hunter2!"}\n`;
    repo.commit({ 'deploy/a.yaml': configMap(ns, 'a', 'v2'), 'deploy/new.yaml': configMap(ns, 'new'), 'deploy/leaky.yaml': leaky });

    const refused = await sync(repo.dir, ns);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^not synced: nothing applied: 1 of 3 objects refused before the apply/m);
    expect(refused.out).toMatch(new RegExp(`^failed {6}Secret ${ns}/leaky \\(deploy/leaky.yaml:1\\): .*Invalid value: "\\*\\*\\*"`, 'm'));
    expect(refused.out).toContain(`not applied ConfigMap ${ns}/new`);
    expect(refused.out).not.toContain('hunter2');
    expect(await find(ns, 'new')).toBeNull();
    expect((await find(ns, 'a'))?.data).toEqual({ key: 'v1' });
  });

  test('usage and configuration errors exit 2: Argo CD environments, unknown environments, --prune with --no-prune', async () => {
    const ns = await freshNamespace('sync-cli-usage');
    const repo = makeRepo(ns, 'argocd');
    repos.push(repo.dir);
    repo.commit({ 'deploy/a.yaml': configMap(ns, 'a') });
    const argo = await sync(repo.dir, ns);
    expect(argo).toMatchObject({ code: 2, out: '' });
    expect(argo.err).toContain(`kubegate sync: environment "${ns}" uses sync.mode argocd: Argo CD applies it from its Git source`);
    expect(await sync(repo.dir, 'nope')).toMatchObject({ code: 2, err: expect.stringMatching(/no environment "nope".*known: sync-cli-usage/) });
    expect(await sync(repo.dir, ns, '--prune', '--no-prune')).toMatchObject({ code: 2, err: expect.stringContaining('--prune and --no-prune exclude each other') });
    expect(await find(ns, 'a')).toBeNull();
  });
});
