// A kubeconfig context -> ClusterAccess. Certificates, CA, tokens and basic
// auth are applied by kubegate itself; contexts that need a credential plugin
// (exec, auth-provider) or a proxy go through client-node, loaded lazily.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ClusterAccess } from '../cluster-access.js';
import { ClusterError } from '../cluster-error.js';
import { errorText } from '../error-text.js';
import type { NamedEntry, RawMap } from '../kubeconfig/parse-kubeconfig.js';
import type { SelectedContext } from '../kubeconfig/select-context.js';
import { createClientNodeAccess } from './client-node-access.js';
import { fileToken } from './file-token.js';
import { createStaticAccess, type TlsMaterial } from './static-access.js';

export interface AccessOptions {
  /** Requests over HTTP/2 when the server offers it (default true). */
  http2?: boolean;
  readFile?: (file: string) => Buffer;
}

const PATH_FIELDS = ['certificate-authority', 'client-certificate', 'client-key', 'tokenFile'];

function text(entry: NamedEntry | undefined, field: string): string | undefined {
  const value = entry?.body[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function absolute(entry: NamedEntry, path: string): string {
  return isAbsolute(path) ? path : join(entry.dir, path);
}

function describe(entry: NamedEntry, kind: 'cluster' | 'user'): string {
  return `kubeconfig ${entry.file}: ${kind} "${entry.name}"`;
}

function readPemFile(entry: NamedEntry, field: string, kind: 'cluster' | 'user', read: (file: string) => Buffer): Buffer | undefined {
  const file = text(entry, field);
  if (file === undefined) return undefined;
  const path = absolute(entry, file);
  try {
    return read(path);
  } catch (cause) {
    throw new ClusterError(`${describe(entry, kind)}: ${field} ${path} cannot be read: ${errorText(cause)}`, { cause });
  }
}

/** `<field>-data` (base64) wins over `<field>` (a file), as in client-go. Checked to be PEM, as Node would ignore anything else. */
function pem(entry: NamedEntry | undefined, field: string, kind: 'cluster' | 'user', read: (file: string) => Buffer): Buffer | undefined {
  if (!entry) return undefined;
  const data = text(entry, `${field}-data`);
  const value = data === undefined ? readPemFile(entry, field, kind, read) : Buffer.from(data, 'base64');
  if (value !== undefined && !value.includes('-----BEGIN ')) {
    throw new ClusterError(`${describe(entry, kind)}: ${data === undefined ? field : `${field}-data`} is not PEM (no "-----BEGIN" line)`);
  }
  return value;
}

function serverUrl(cluster: NamedEntry): string {
  const server = text(cluster, 'server');
  if (server === undefined) throw new ClusterError(`${describe(cluster, 'cluster')} has no server`);
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ClusterError(`${describe(cluster, 'cluster')}: server "${server}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ClusterError(`${describe(cluster, 'cluster')}: server "${server}" is not an http(s) URL`);
  return server;
}

function needsClientNode(selected: SelectedContext): boolean {
  const user = selected.user?.body;
  return Boolean(user?.exec || user?.['auth-provider'] || text(selected.cluster, 'proxy-url'));
}

function withAbsolutePaths(entry: NamedEntry): RawMap {
  const body: RawMap = { ...entry.body };
  for (const field of PATH_FIELDS) {
    const path = text(entry, field);
    if (path !== undefined) body[field] = absolute(entry, path);
  }
  const exec = body.exec as RawMap | undefined;
  const command = typeof exec?.command === 'string' ? exec.command : undefined;
  // client-go resolves a relative command with a slash against the file's folder.
  if (exec && command?.includes('/') && !isAbsolute(command)) body.exec = { ...exec, command: join(entry.dir, command) };
  return body;
}

function oneContextKubeconfig(selected: SelectedContext): string {
  const { name, cluster, user } = selected;
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster.name, cluster: withAbsolutePaths(cluster) }],
    users: user ? [{ name: user.name, user: withAbsolutePaths(user) }] : [],
    contexts: [{ name, context: { cluster: cluster.name, ...(user ? { user: user.name } : {}), namespace: selected.namespace } }],
    'current-context': name,
  });
}

function bearer(user: NamedEntry | undefined): (() => string) | undefined {
  if (!user) return undefined;
  const token = text(user, 'token');
  if (token !== undefined) return () => token;
  const file = text(user, 'tokenFile');
  return file === undefined ? undefined : fileToken(absolute(user, file), describe(user, 'user'));
}

export function accessFromContext(selected: SelectedContext, options: AccessOptions = {}): ClusterAccess {
  const read = options.readFile ?? ((file: string) => readFileSync(file));
  const { cluster, user } = selected;
  const base = { contextName: selected.name, server: serverUrl(cluster), namespace: selected.namespace };
  if (needsClientNode(selected)) return createClientNodeAccess({ ...base, kubeconfig: oneContextKubeconfig(selected) });
  const tls: TlsMaterial = {
    ...optional('ca', pem(cluster, 'certificate-authority', 'cluster', read)),
    ...optional('cert', pem(user, 'client-certificate', 'user', read)),
    ...optional('key', pem(user, 'client-key', 'user', read)),
    ...optional('serverName', text(cluster, 'tls-server-name')),
    insecureSkipTlsVerify: cluster.body['insecure-skip-tls-verify'] === true,
  };
  const token = bearer(user);
  const username = text(user, 'username');
  return createStaticAccess({
    ...base,
    tls,
    ...(token ? { bearerToken: token } : {}),
    ...(username === undefined ? {} : { basicAuth: `${username}:${text(user, 'password') ?? ''}` }),
    ...(options.http2 === undefined ? {} : { http2: options.http2 }),
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
