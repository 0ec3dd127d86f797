// Where a cluster client's access comes from: kubeconfig files (one, or
// several merged as kubectl merges $KUBECONFIG), optionally another context,
// or the pod's service account. kubegate reads kubeconfigs itself;
// @kubernetes/client-node is loaded only for credential plugins and proxies
// (see access/access-from-context.ts).
import { existsSync, readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { join } from 'node:path';
import { accessFromContext } from './access/access-from-context.js';
import { fileToken } from './access/file-token.js';
import { createStaticAccess } from './access/static-access.js';
import type { ClusterAccess } from './cluster-access.js';
import { ClusterError } from './cluster-error.js';
import { errorText } from './error-text.js';
import { mergeKubeconfigs } from './kubeconfig/merge-kubeconfigs.js';
import { parseKubeconfig } from './kubeconfig/parse-kubeconfig.js';
import { selectContext } from './kubeconfig/select-context.js';

export interface LoadKubeConfigOptions {
  /** Path of the kubeconfig file. */
  file?: string;
  /** Several kubeconfig files, merged like $KUBECONFIG (files that do not exist are skipped). */
  files?: readonly string[];
  /** Context to use instead of the current-context. */
  context?: string;
  /** Requests over HTTP/2 when the server offers it (default true; false: HTTP/1.1 keep-alive only). */
  http2?: boolean;
}

function readKubeconfig(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ClusterError(`kubeconfig ${file} could not be read: ${errorText(cause)}`, { cause });
  }
}

function existingFiles({ file, files }: LoadKubeConfigOptions): string[] {
  if (file !== undefined) {
    if (!existsSync(file)) throw new ClusterError(`kubeconfig ${file} does not exist; check the path in the app settings`);
    return [file];
  }
  const listed = (files ?? []).filter((f) => f !== '');
  if (listed.length === 0) throw new ClusterError('no kubeconfig given (a file, or KUBECONFIG)');
  const found = listed.filter((f) => existsSync(f));
  if (found.length === 0) throw new ClusterError(`none of the kubeconfig files ${listed.join(':')} exists`);
  return found;
}

export function loadKubeConfig(options: LoadKubeConfigOptions): ClusterAccess {
  const parsed = existingFiles(options).map((f) => parseKubeconfig(readKubeconfig(f), f));
  return accessFromContext(selectContext(mergeKubeconfigs(parsed), options.context), options.http2 === undefined ? {} : { http2: options.http2 });
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface InClusterDeps {
  /** Where the service account's token, ca.crt and namespace are mounted. */
  dir?: string;
  http2?: boolean;
}

function readOptional(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * The service account config of a pod (KUBERNETES_SERVICE_HOST/PORT, the
 * mounted token and CA), for an app that runs in the cluster it previews.
 * The token is re-read as it rotates.
 */
export function loadInClusterConfig(env: NodeJS.ProcessEnv = process.env, deps: InClusterDeps = {}): ClusterAccess {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new ClusterError(
      'in-cluster config requested, but KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set: kubegate is not running in a pod; use a kubeconfig in the app settings',
    );
  }
  const dir = deps.dir ?? SERVICE_ACCOUNT_DIR;
  const tokenFile = join(dir, 'token');
  if (!existsSync(tokenFile)) throw new ClusterError(`in-cluster config requested, but the service account token ${tokenFile} is not mounted`);
  const caFile = join(dir, 'ca.crt');
  return createStaticAccess({
    contextName: 'inCluster',
    server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
    namespace: readOptional(join(dir, 'namespace')) || 'default',
    tls: existsSync(caFile) ? { ca: readFileSync(caFile) } : {},
    bearerToken: fileToken(tokenFile, 'in-cluster service account'),
    ...(deps.http2 === undefined ? {} : { http2: deps.http2 }),
  });
}
