// `kubegate diff` with an in-memory cluster: output, exit codes like kubectl
// diff, inputs (files, directories, stdin, --env), and where the kubeconfig
// comes from.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type DiffCommandDeps } from '../../../src/cli/commands/diff.js';
import type { CliIo } from '../../../src/cli/io.js';
import { UsageError } from '../../../src/cli/io.js';
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
