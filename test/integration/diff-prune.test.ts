// Objects removed in a pull request, against the local control plane: an
// environment synced by `kubegate sync` (the app's sync executor, ApplySet
// labels and all), then `kubegate plan` of a branch that removes objects
// (the pipeline and the app's diff adapter), `kubegate diff --env` of the
// working tree, and finally the sync of the branch, which must do what the
// diff said: members deleted with sync.prune, everything else left alone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import type { KubeObject } from '../../src/cluster/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { APPLYSET_PART_OF_LABEL } from '../../src/sync/index.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { git } from '../unit/cli-plan/make-demo-repo.js';
import { configMap, objects } from './sync/sync-helpers.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(cwd: string, args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '', cwd, env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

const SECRET_VALUE = 'correct horse battery staple';
const secret = (ns: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: ${ns}\nstringData:\n  password: "${SECRET_VALUE}"\n`;

/** A git repository whose one environment (named after its namespace) syncs in apply mode. */
function makeRepo(ns: string, prune: boolean): { dir: string; write: (files: Record<string, string | null>) => void; commit: (files: Record<string, string | null>) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-diff-prune-'));
  mkdirSync(join(dir, '.github'));
  mkdirSync(join(dir, 'deploy'));
  const config = `environments:\n  - name: ${ns}\n    cluster: local\n    paths: ["deploy/*.yaml"]\n    namespace: ${ns}\nsync:\n  mode: apply\n  prune: ${prune}\n  waitForRollout: false\n`;
  writeFileSync(join(dir, '.github/kubegate.yml'), config);
  git(dir, 'init', '-q', '-b', 'main');
  const write = (files: Record<string, string | null>): void => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) rmSync(join(dir, path));
      else writeFileSync(join(dir, path), text);
    }
  };
  const commit = (files: Record<string, string | null>): void => {
    write(files);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'change');
  };
  return { dir, write, commit };
}

/**
 * main: a, b and creds synced by `kubegate sync`; then theirs.yaml, which
 * another tool applied with its own ApplySet's label (never synced by
 * kubegate). The branch `remove` drops b, creds and theirs.
 */
async function syncedRepo(ns: string, prune: boolean): Promise<ReturnType<typeof makeRepo>> {
  const repo = makeRepo(ns, prune);
  repos.push(repo.dir);
  repo.commit({ 'deploy/a.yaml': configMap(ns, 'a'), 'deploy/b.yaml': configMap(ns, 'b'), 'deploy/creds.yaml': secret(ns) });
  expect(await cli(repo.dir, ['sync', '--env', ns, '--repo', repo.dir, '--kubeconfig', kubeconfigPath()])).toMatchObject({ code: 0, err: '' });
  const theirs = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: theirs\n  namespace: ${ns}\n  labels: {${APPLYSET_PART_OF_LABEL}: applyset-someone-else-v1}\ndata:\n  key: v1\n`;
  await clusterClient({ fieldManager: 'other-tool' }).apply({ object: objects(theirs)[0]?.body as KubeObject });
  repo.commit({ 'deploy/theirs.yaml': theirs });
  git(repo.dir, 'checkout', '-q', '-b', 'remove');
  repo.commit({ 'deploy/b.yaml': null, 'deploy/creds.yaml': null, 'deploy/theirs.yaml': null });
  return repo;
}

/** The table rows of the environment's diff section in `kubegate plan`'s comment. */
function rows(plan: string): string[] {
  return plan.split('\n').filter((l) => l.startsWith('| `') && /\| (delete|removed from Git|unchanged|create|update) \|/.test(l));
}

const find = (ns: string, name: string, kind = 'ConfigMap') => clusterClient().find({ apiVersion: 'v1', kind, name, namespace: ns });
const repos: string[] = [];
afterAll(() => repos.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the diff of objects removed in a pull request', () => {
  test('sync.prune: ApplySet members are deletions (kubegate plan and kubegate diff --env), and the sync deletes exactly those', async () => {
    const ns = await freshNamespace('diff-prune');
    const repo = await syncedRepo(ns, true);

    const plan = await cli(repo.dir, ['plan', '--base', 'main', '--head', 'remove', '--repo', repo.dir, '--kubeconfig', kubeconfigPath()]);
    expect(plan.err).toBe('');
    expect(plan.out).toContain(`== check kubegate/diff (${ns}): success — 2 to delete, 1 removed from Git`);
    expect(plan.out).toContain(`| \`kubegate/diff (${ns})\` | ✅ success | 2 to delete, 1 removed from Git |`);
    // The sync's order: its prunes in reverse apply order (the Secret after the ConfigMap), then what it leaves.
    expect(rows(plan.out)).toEqual([
      `| \`ConfigMap ${ns}/b\` | delete | +0 | -7 | the sync after merge deletes it: a member of this environment's ApplySet, and sync.prune is on |`,
      `| \`Secret ${ns}/creds\` | delete | +0 | -8 | the sync after merge deletes it: a member of this environment's ApplySet, and sync.prune is on |`,
      `| \`ConfigMap ${ns}/theirs\` | removed from Git |  |  | still in the cluster: a member of another ApplySet (${APPLYSET_PART_OF_LABEL}=applyset-someone-else-v1), so this environment's prune leaves it |`,
    ]);
    expect(plan.out).toContain(`<summary>ConfigMap ${ns}/b: delete (+0 -7)</summary>`);
    expect(plan.out).toContain('@@ -1,7 +0,0 @@\n-apiVersion: v1\n-data:\n-  key: v1\n-kind: ConfigMap\n');
    expect(plan.out).toContain("-  password: '***'\n");
    expect(plan.out).not.toContain(SECRET_VALUE);
    expect(plan.out).not.toContain(Buffer.from(SECRET_VALUE).toString('base64'));

    // The working tree at the branch, diffed as a whole: the members it no longer has.
    const diff = await cli(repo.dir, ['diff', '--env', ns, '--kubeconfig', kubeconfigPath()]);
    expect(diff.code).toBe(1);
    expect(diff.out.match(/^diff .*/gm)).toEqual([
      `diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.${ns}.b /tmp/MERGED-kubegate/v1.ConfigMap.${ns}.b`,
      `diff -u -N /tmp/LIVE-kubegate/v1.Secret.${ns}.creds /tmp/MERGED-kubegate/v1.Secret.${ns}.creds`,
    ]);
    expect(diff.out).not.toContain(Buffer.from(SECRET_VALUE).toString('base64'));
    // theirs is not listed: it is not a member of this set.
    expect(diff.err).not.toContain('theirs');

    // The sync of the branch does what the diff said.
    const synced = await cli(repo.dir, ['sync', '--env', ns, '--repo', repo.dir, '--kubeconfig', kubeconfigPath()]);
    expect(synced.code).toBe(0);
    expect(synced.out).toContain(`pruned      ConfigMap ${ns}/b\n`);
    expect(synced.out).toContain(`pruned      Secret ${ns}/creds\n`);
    expect(await find(ns, 'b')).toBeNull();
    expect(await find(ns, 'creds', 'Secret')).toBeNull();
    expect(await find(ns, 'theirs')).not.toBeNull();
    expect(await find(ns, 'a')).not.toBeNull();
  });

  test('sync.prune off: removed from Git, kept, and the note says why; the sync leaves them', async () => {
    const ns = await freshNamespace('diff-no-prune');
    const repo = await syncedRepo(ns, false);

    const plan = await cli(repo.dir, ['plan', '--base', 'main', '--head', 'remove', '--repo', repo.dir, '--kubeconfig', kubeconfigPath()]);
    expect(plan.out).toContain(`== check kubegate/diff (${ns}): success — 3 removed from Git`);
    const note = 'still in the cluster: sync.prune is off, so the sync after merge leaves it';
    expect(rows(plan.out)).toEqual([
      `| \`ConfigMap ${ns}/theirs\` | removed from Git |  |  | ${note} |`,
      `| \`ConfigMap ${ns}/b\` | removed from Git |  |  | ${note} |`,
      `| \`Secret ${ns}/creds\` | removed from Git |  |  | ${note} |`,
    ]);
    expect(plan.out).not.toContain('<summary>');

    const diff = await cli(repo.dir, ['diff', '--env', ns, '--kubeconfig', kubeconfigPath()]);
    expect(diff).toMatchObject({ code: 0, out: '' });
    expect(diff.err.split('\n').filter(Boolean).sort()).toEqual([`note: ConfigMap ${ns}/b: ${note}`, `note: Secret ${ns}/creds: ${note}`]);

    expect((await cli(repo.dir, ['sync', '--env', ns, '--repo', repo.dir, '--kubeconfig', kubeconfigPath()])).code).toBe(0);
    expect(await find(ns, 'b')).not.toBeNull();
    expect(await find(ns, 'creds', 'Secret')).not.toBeNull();
  });
});
