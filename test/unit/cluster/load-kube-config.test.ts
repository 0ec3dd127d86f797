// kubegate's own kubeconfig loader: several files merged as kubectl merges
// $KUBECONFIG, contexts and their cluster/user, relative paths, credentials
// (token, tokenFile, basic auth, exec plugins through client-node), the
// pod's service account, and messages that name what is wrong and where.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthorizedOptions, ClusterAccess } from '../../../src/cluster/cluster-access.js';
import { fileToken, TOKEN_FILE_REFRESH_MS } from '../../../src/cluster/access/file-token.js';
import { ClusterError, loadInClusterConfig, loadKubeConfig } from '../../../src/cluster/index.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-kubeconfig-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface Entry {
  name: string;
  [field: string]: unknown;
}

function kubeconfig(parts: { clusters?: Entry[]; users?: Entry[]; contexts?: Entry[]; current?: string }): string {
  const wrap = (list: Entry[] | undefined, field: string): unknown[] =>
    (list ?? []).map(({ name, ...body }) => ({ name, [field]: body }));
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: wrap(parts.clusters, 'cluster'),
    users: wrap(parts.users, 'user'),
    contexts: wrap(parts.contexts, 'context'),
    ...(parts.current ? { 'current-context': parts.current } : {}),
  });
}

async function headersOf(access: ClusterAccess): Promise<Record<string, string>> {
  const options: AuthorizedOptions = { headers: {} };
  await access.authorize(options);
  return options.headers;
}

function messageOf(load: () => unknown): string {
  try {
    load();
  } catch (err: unknown) {
    expect(err).toBeInstanceOf(ClusterError);
    return (err as Error).message;
  }
  throw new Error('expected a ClusterError');
}

const first = kubeconfig({
  clusters: [{ name: 'shared', server: 'https://first.example:6443', 'insecure-skip-tls-verify': true }],
  users: [{ name: 'me', token: 'first-token' }],
  contexts: [{ name: 'dev', cluster: 'shared', user: 'me', namespace: 'apps' }],
});
const second = kubeconfig({
  clusters: [
    { name: 'shared', server: 'https://second.example:6443' },
    { name: 'prod', server: 'https://prod.example:6443', 'insecure-skip-tls-verify': true },
  ],
  users: [{ name: 'me', token: 'second-token' }],
  contexts: [
    { name: 'dev', cluster: 'prod', user: 'me' },
    { name: 'prod', cluster: 'prod', user: 'me' },
  ],
  current: 'dev',
});

describe('loadKubeConfig: several files (KUBECONFIG)', () => {
  test('the first file wins per name; current-context comes from the first file that sets one', async () => {
    const dir = folder({ 'a.yaml': first, 'b.yaml': second });
    const access = loadKubeConfig({ files: [join(dir, 'a.yaml'), join(dir, 'b.yaml')] });
    expect(access).toMatchObject({ contextName: 'dev', server: 'https://first.example:6443', namespace: 'apps' });
    expect(await headersOf(access)).toEqual({ Authorization: 'Bearer first-token' });
    const swapped = loadKubeConfig({ files: [join(dir, 'b.yaml'), join(dir, 'a.yaml')] });
    expect(swapped).toMatchObject({ contextName: 'dev', server: 'https://prod.example:6443', namespace: 'default' });
    expect(await headersOf(swapped)).toEqual({ Authorization: 'Bearer second-token' });
  });

  test('a context found only in a later file, and files that do not exist are skipped', () => {
    const dir = folder({ 'a.yaml': first, 'b.yaml': second });
    const access = loadKubeConfig({ files: [join(dir, 'missing.yaml'), join(dir, 'a.yaml'), join(dir, 'b.yaml')], context: 'prod' });
    expect(access).toMatchObject({ contextName: 'prod', server: 'https://prod.example:6443' });
  });

  test('none of the files exists: the message lists them', () => {
    expect(messageOf(() => loadKubeConfig({ files: ['/nope/a', '/nope/b'] }))).toBe('none of the kubeconfig files /nope/a:/nope/b exists');
  });
});

describe('loadKubeConfig: what is wrong, and where', () => {
  test('a single file that does not exist', () => {
    expect(messageOf(() => loadKubeConfig({ file: '/nope/config' }))).toBe('kubeconfig /nope/config does not exist; check the path in the app settings');
  });

  test('an unknown context lists the known ones', () => {
    const dir = folder({ config: second });
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'config'), context: 'staging' }))).toBe(
      `kubeconfig ${join(dir, 'config')} has no context "staging" (it has: dev, prod)`,
    );
  });

  test('no current-context and no context asked for', () => {
    const dir = folder({ config: first });
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'config') }))).toMatch(/sets no current-context; name a context/);
  });

  test('a context naming a cluster or a user that is not defined', () => {
    const dir = folder({
      config: kubeconfig({
        clusters: [{ name: 'c', server: 'https://c.example' }],
        contexts: [
          { name: 'no-cluster', cluster: 'gone', user: 'u' },
          { name: 'no-user', cluster: 'c', user: 'gone' },
        ],
      }),
    });
    const file = join(dir, 'config');
    expect(messageOf(() => loadKubeConfig({ file, context: 'no-cluster' }))).toBe(`kubeconfig ${file}: context "no-cluster" names no known cluster ("gone")`);
    expect(messageOf(() => loadKubeConfig({ file, context: 'no-user' }))).toBe(`kubeconfig ${file}: context "no-user" names user "gone", which is not defined`);
  });

  test('not YAML, a list that is not a list, an entry without a name, a server that is not a URL', () => {
    const dir = folder({
      broken: 'clusters: [\n',
      notList: 'clusters: {a: 1}\n',
      noName: 'clusters:\n- cluster: {server: https://x}\n',
      badServer: kubeconfig({ clusters: [{ name: 'c', server: 'not a url' }], contexts: [{ name: 'x', cluster: 'c' }], current: 'x' }),
    });
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'broken') }))).toMatch(new RegExp(`^kubeconfig ${join(dir, 'broken')} is not valid YAML: `));
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'notList') }))).toBe(`kubeconfig ${join(dir, 'notList')}: clusters must be a list`);
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'noName') }))).toBe(`kubeconfig ${join(dir, 'noName')}: clusters[0].name is missing`);
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'badServer') }))).toBe(`kubeconfig ${join(dir, 'badServer')}: cluster "c": server "not a url" is not a URL`);
  });

  test('relative file paths start at the kubeconfig file; an unreadable one is named with its path', () => {
    const dir = folder({
      'conf/config': kubeconfig({
        clusters: [{ name: 'c', server: 'https://c.example', 'certificate-authority': 'pki/ca.crt' }],
        contexts: [{ name: 'x', cluster: 'c' }],
        current: 'x',
      }),
    });
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'conf/config') }))).toMatch(
      new RegExp(`^kubeconfig ${join(dir, 'conf/config')}: cluster "c": certificate-authority ${join(dir, 'conf/pki/ca.crt')} cannot be read: ENOENT: no such file or directory`),
    );
  });

  test('certificate data that is not PEM', () => {
    const dir = folder({
      config: kubeconfig({
        clusters: [{ name: 'c', server: 'https://c.example', 'certificate-authority-data': Buffer.from('not a certificate').toString('base64') }],
        contexts: [{ name: 'x', cluster: 'c' }],
        current: 'x',
      }),
    });
    expect(messageOf(() => loadKubeConfig({ file: join(dir, 'config') }))).toBe(`kubeconfig ${join(dir, 'config')}: cluster "c": certificate-authority-data is not PEM (no "-----BEGIN" line)`);
  });
});

describe('credentials', () => {
  test('tokenFile, relative to the kubeconfig file, is sent as a bearer token', async () => {
    const dir = folder({
      'kube/config': kubeconfig({
        clusters: [{ name: 'c', server: 'https://c.example', 'insecure-skip-tls-verify': true }],
        users: [{ name: 'u', tokenFile: 'token' }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        current: 'x',
      }),
      'kube/token': 'from-file\n',
    });
    expect(await headersOf(loadKubeConfig({ file: join(dir, 'kube/config') }))).toEqual({ Authorization: 'Bearer from-file' });
  });

  test('a token file is re-read once a minute (it rotates)', () => {
    let now = 0;
    let content = 'one';
    const token = fileToken('/t', 'test', { readFile: () => content, now: () => now });
    expect(token()).toBe('one');
    content = 'two';
    now = TOKEN_FILE_REFRESH_MS - 1;
    expect(token()).toBe('one');
    now = TOKEN_FILE_REFRESH_MS;
    expect(token()).toBe('two');
  });

  test('username and password: basic auth', async () => {
    const dir = folder({
      config: kubeconfig({
        clusters: [{ name: 'c', server: 'http://c.example:8080' }],
        users: [{ name: 'u', username: 'admin', password: 's3cret' }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        current: 'x',
      }),
    });
    const access = loadKubeConfig({ file: join(dir, 'config') });
    expect(await headersOf(access)).toEqual({ Authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}` });
    expect(access.http2).toBeUndefined(); // plain http: HTTP/1.1
  });

  test('an exec plugin runs through client-node, loaded on the first request', async () => {
    const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'from-plugin' } });
    const dir = folder({
      config: kubeconfig({
        clusters: [{ name: 'c', server: 'https://c.example', 'insecure-skip-tls-verify': true }],
        users: [{ name: 'u', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', `process.stdout.write(${JSON.stringify(credential)})`], interactiveMode: 'Never' } }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        current: 'x',
      }),
    });
    const access = loadKubeConfig({ file: join(dir, 'config') });
    expect(access.http2).toBeUndefined();
    expect((await headersOf(access)).Authorization).toBe('Bearer from-plugin');
  });
});

describe('loadInClusterConfig', () => {
  test('KUBERNETES_SERVICE_HOST/PORT, the mounted token, CA-less here, and the namespace file', async () => {
    const dir = folder({ token: 'sa-token\n', namespace: 'kubegate-system\n' });
    const access = loadInClusterConfig({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, { dir });
    expect(access).toMatchObject({ contextName: 'inCluster', server: 'https://[fd00::1]:443', namespace: 'kubegate-system' });
    expect(await headersOf(access)).toEqual({ Authorization: 'Bearer sa-token' });
  });

  test('outside a pod, or without the token: a message saying so', () => {
    expect(messageOf(() => loadInClusterConfig({}))).toMatch(/KUBERNETES_SERVICE_HOST\/KUBERNETES_SERVICE_PORT are not set/);
    const dir = folder({ namespace: 'x' });
    expect(messageOf(() => loadInClusterConfig({ KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' }, { dir }))).toBe(
      `in-cluster config requested, but the service account token ${join(dir, 'token')} is not mounted`,
    );
  });
});
