// `kubegate diff` with an in-memory cluster: output, exit codes like kubectl
// diff, inputs (files, directories, stdin, --env), and where the kubeconfig
// comes from.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type DiffCommandDeps } from '../../../src/cli/commands/diff.js';
import type { CliIo } from '../../../src/cli/io.js';
import { UsageError } from '../../../src/cli/io.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { applySetParent } from '../../../src/sync/applyset-parent.js';
import { fakeCluster, type FakeCluster } from './fake-cluster.js';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(cwd: string, env: NodeJS.ProcessEnv = {}, stdin = ''): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => stdin, cwd, env },
    out: () => out,
    err: () => err,
  };
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-diff-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function withFake(fake: FakeCluster): DiffCommandDeps & { options: unknown[] } {
  const options: unknown[] = [];
  return {
    options,
    createClient: (o) => {
      options.push(o);
      return o.defaultNamespace ? { ...fake, defaultNamespace: o.defaultNamespace } : fake;
    },
  };
}

const cm = (name: string, ns?: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data: {a: "1"}\n`;

describe('kubegate diff', () => {
  test('differences: the unified diff on stdout, exit 1; every $KUBECONFIG file, to be merged as kubectl does', async () => {
    const dir = repo({ 'app/cm.yaml': cm('web', 'apps') });
    const c = capture(dir, { KUBECONFIG: '/k/one:/k/two' });
    const deps = withFake(fakeCluster());
    expect(await run(['app/cm.yaml'], c.io, deps)).toBe(1);
    expect(c.out()).toMatch(/^diff -u -N \/tmp\/LIVE-kubegate\/v1.ConfigMap.apps.web \/tmp\/MERGED-kubegate\/v1.ConfigMap.apps.web\n/);
    expect(c.out()).toContain('\n+  name: web\n');
    expect(c.err()).toBe('');
    expect(deps.options).toEqual([{ kubeconfigPaths: ['/k/one', '/k/two'] }]);
  });

  test('no differences: nothing printed, exit 0', async () => {
    const dir = repo({ 'cm.yaml': cm('web', 'apps') });
    const fake = fakeCluster();
    fake.live.set('ConfigMap/apps/web', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'apps', uid: 'x' }, data: { a: '1' } });
    const c = capture(dir);
    expect(await run(['--kubeconfig', 'kc', '--context', 'prod', 'cm.yaml'], c.io, withFake(fake))).toBe(0);
    expect(c.out()).toBe('');
  });

  test('a refused object: the other diffs, the server message on stderr, exit 2', async () => {
    const { ClusterError } = await import('../../../src/cluster/index.js');
    const dir = repo({ 'cm.yaml': `${cm('ok', 'apps')}---\n${cm('bad', 'apps')}` });
    const fake = fakeCluster({ refuse: { bad: new ClusterError('x', { status: 422, reason: 'Invalid', serverMessage: 'ConfigMap "bad" is invalid: data: Invalid value' }) } });
    const c = capture(dir);
    expect(await run(['cm.yaml'], c.io, withFake(fake))).toBe(2);
    expect(c.out()).toContain('v1.ConfigMap.apps.ok');
    expect(c.err()).toBe('Error from server (Invalid): cm.yaml:13: ConfigMap apps/bad: ConfigMap "bad" is invalid: data: Invalid value\n');
  });

  test('unreadable input: exit 2 before any cluster call', async () => {
    const dir = repo({ 'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n' });
    const c = capture(dir);
    const deps = withFake(fakeCluster());
    expect(await run(['bad.yaml', 'missing.yaml'], c.io, deps)).toBe(2);
    expect(c.err()).toMatch(/^error: bad\.yaml:\d+: /);
    expect(c.err()).toContain('error: missing.yaml:1: no such file or directory');
    expect(deps.options).toEqual([]);
  });

  test('directories (-R for subdirectories), stdin, --namespace', async () => {
    const dir = repo({ 'm/a.yaml': cm('a'), 'm/sub/b.yml': cm('b'), 'm/notes.txt': 'x' });
    const c = capture(dir, {}, cm('from-stdin'));
    const deps = withFake(fakeCluster());
    expect(await run(['-n', 'team', 'm', '-'], c.io, deps)).toBe(1);
    expect(c.out().match(/^diff .*/gm)).toEqual([
      'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.team.a /tmp/MERGED-kubegate/v1.ConfigMap.team.a',
      'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.team.from-stdin /tmp/MERGED-kubegate/v1.ConfigMap.team.from-stdin',
    ]);
    const c2 = capture(dir);
    expect(await run(['-R', 'm'], c2.io, withFake(fakeCluster()))).toBe(1);
    expect(c2.out().match(/^diff .*/gm)).toHaveLength(2);
  });

  test('--env: the environment paths and namespace from .github/kubegate.yml', async () => {
    const dir = repo({
      '.github/kubegate.yml': 'environments:\n  - name: staging\n    paths: ["deploy/staging/**/*.yaml"]\n    namespace: stage\n  - name: prod\n    paths: ["deploy/prod/*.yaml"]\n',
      'deploy/staging/x/one.yaml': cm('one'),
      'deploy/prod/two.yaml': cm('two'),
    });
    const c = capture(dir);
    expect(await run(['--env', 'staging'], c.io, withFake(fakeCluster()))).toBe(1);
    expect(c.out().match(/^diff .*/gm)).toEqual(['diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.stage.one /tmp/MERGED-kubegate/v1.ConfigMap.stage.one']);
    await expect(run(['--env', 'nope'], capture(dir).io, withFake(fakeCluster()))).rejects.toThrow('no such environment in .github/kubegate.yml (it has: staging, prod)');
  });

  test('--env with app settings: the cluster of the settings is used', async () => {
    const dir = repo({
      '.github/kubegate.yml': 'environments:\n  - name: prod\n    cluster: eu\n    paths: ["*.yaml"]\n',
      'cm.yaml': cm('x', 'apps'),
    });
    const settings = JSON.stringify({ clusters: { eu: { kubeconfig: '/etc/kubegate/eu.kubeconfig', context: 'eu-admin', repositories: ['acme/*'] } } });
    const deps = withFake(fakeCluster());
    expect(await run(['--env', 'prod'], capture(dir, { KUBEGATE_SETTINGS_JSON: settings }).io, deps)).toBe(1);
    expect(deps.options).toEqual([{ kubeconfigPath: '/etc/kubegate/eu.kubeconfig', context: 'eu-admin' }]);
  });

  describe('--env of an apply-mode environment: the members of its ApplySet that the files no longer have', () => {
    const config = (prune: boolean): string =>
      `environments:\n  - name: staging\n    paths: ["deploy/*.yaml"]\n    namespace: stage\nsync:\n  mode: apply\n  prune: ${prune}\n`;
    const parent = applySetParent('staging', 'stage');
    const member = (name: string, id = parent.id): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'stage', labels: { 'applyset.kubernetes.io/part-of': id } },
      data: { a: '1' },
    });
    /** The cluster after a sync of one.yaml and old.yaml, and an object of another set. */
    function synced(): FakeCluster {
      const fake = fakeCluster();
      fake.live.set('Secret/stage/applyset-kubegate-staging', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: parent.ref.name,
          namespace: 'stage',
          labels: { 'applyset.kubernetes.io/id': parent.id },
          annotations: { 'applyset.kubernetes.io/tooling': 'kubegate/v0.1.0', 'applyset.kubernetes.io/contains-group-kinds': 'ConfigMap' },
        },
      });
      fake.live.set('ConfigMap/stage/one', member('one'));
      fake.live.set('ConfigMap/stage/old', member('old'));
      fake.live.set('ConfigMap/stage/theirs', member('theirs', 'applyset-other-v1'));
      return fake;
    }

    test('with sync.prune: a deletion, the whole live object removed; exit 1', async () => {
      const dir = repo({ '.github/kubegate.yml': config(true), 'deploy/one.yaml': cm('one') });
      const c = capture(dir);
      const fake = synced();
      expect(await run(['--env', 'staging'], c.io, withFake(fake))).toBe(1);
      expect(c.out()).toBe(
        [
          'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.stage.old /tmp/MERGED-kubegate/v1.ConfigMap.stage.old',
          '--- /tmp/LIVE-kubegate/v1.ConfigMap.stage.old',
          '+++ /tmp/MERGED-kubegate/v1.ConfigMap.stage.old',
          '@@ -1,7 +0,0 @@',
          '-apiVersion: v1',
          '-data:',
          '-  a: "1"',
          '-kind: ConfigMap',
          '-metadata:',
          '-  name: old',
          '-  namespace: stage',
          '',
        ].join('\n'),
      );
      expect(c.err()).toBe("note: ConfigMap stage/old: the sync after merge deletes it: a member of this environment's ApplySet, and sync.prune is on\n");
      expect(fake.calls).toContain(`list ConfigMap/stage?applyset.kubernetes.io/part-of=${parent.id}`);
    });

    test('without sync.prune: kept, with a note; no differences, exit 0', async () => {
      const dir = repo({ '.github/kubegate.yml': config(false), 'deploy/one.yaml': cm('one') });
      const c = capture(dir);
      expect(await run(['--env', 'staging'], c.io, withFake(synced()))).toBe(0);
      expect(c.out()).toBe('');
      expect(c.err()).toBe('note: ConfigMap stage/old: still in the cluster: sync.prune is off, so the sync after merge leaves it\n');
    });

    test('PATHs (not the whole environment), or no ApplySet yet: nothing is taken as removed', async () => {
      const dir = repo({ '.github/kubegate.yml': config(true), 'deploy/one.yaml': cm('one') });
      const fake = synced();
      const c = capture(dir);
      expect(await run(['--env', 'staging', 'deploy/one.yaml'], c.io, withFake(fake))).toBe(0);
      expect(c.err()).toBe('');
      expect(fake.calls.filter((call) => call.includes('applyset'))).toEqual([]);
      fake.live.delete('Secret/stage/applyset-kubegate-staging');
      expect(await run(['--env', 'staging'], capture(dir).io, withFake(fake))).toBe(0);
    });
  });

  test('usage errors', async () => {
    await expect(run([], capture('/').io, withFake(fakeCluster()))).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--bogus', 'x'], capture('/').io, withFake(fakeCluster()))).rejects.toThrow(/Unknown option '--bogus'/);
    for (const bad of ['0', '65', '2.5', 'many']) {
      await expect(run(['--concurrency', bad, 'x.yaml'], capture('/').io, withFake(fakeCluster()))).rejects.toThrow(`--concurrency: expected a whole number from 1 to 64, got "${bad}"`);
    }
  });

  test('--concurrency bounds the objects in flight', async () => {
    const dir = repo({ 'cms.yaml': Array.from({ length: 12 }, (_, i) => cm(`c${i}`, 'apps')).join('---\n') });
    const fake = fakeCluster({ delayMs: 5, noList: true });
    expect(await run(['--concurrency', '3', 'cms.yaml'], capture(dir).io, withFake(fake))).toBe(1);
    expect(fake.maxInFlight).toBe(6);
  });
});

test('kubegate diff takes absolute paths too', async () => {
  const dir = repo({ 'abs.yaml': cm('abs', 'apps') });
  const c = capture('/');
  expect(await run([join(dir, 'abs.yaml')], c.io, withFake(fakeCluster()))).toBe(1);
  expect(c.out()).toContain('v1.ConfigMap.apps.abs');
});
