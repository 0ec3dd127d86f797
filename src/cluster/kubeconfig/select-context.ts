// The context a client uses (the one asked for, else current-context) and the
// cluster and user it names, with a message naming the files and what is
// missing when the kubeconfig does not hold them.
import { ClusterError } from '../cluster-error.js';
import type { MergedKubeconfig } from './merge-kubeconfigs.js';
import type { NamedEntry } from './parse-kubeconfig.js';

export interface SelectedContext {
  name: string;
  /** The context's namespace, else "default". */
  namespace: string;
  cluster: NamedEntry;
  /** Absent when the context names no user (anonymous requests). */
  user?: NamedEntry;
}

function stringField(entry: NamedEntry, field: string): string | undefined {
  const value = entry.body[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function selectContext(config: MergedKubeconfig, wanted?: string): SelectedContext {
  const label = `kubeconfig ${config.files.join(':')}`;
  const name = wanted ?? config.currentContext;
  if (name === undefined) throw new ClusterError(`${label} sets no current-context; name a context (--context, or context in the app settings)`);
  const context = config.contexts.get(name);
  if (!context) {
    const known = [...config.contexts.keys()].join(', ') || 'none';
    throw new ClusterError(`${label} has no context "${name}" (it has: ${known})`);
  }
  const clusterName = stringField(context, 'cluster');
  const cluster = clusterName === undefined ? undefined : config.clusters.get(clusterName);
  if (!cluster) throw new ClusterError(`${label}: context "${name}" names no known cluster${clusterName ? ` ("${clusterName}")` : ''}`);
  const userName = stringField(context, 'user');
  const user = userName === undefined ? undefined : config.users.get(userName);
  if (userName !== undefined && !user) throw new ClusterError(`${label}: context "${name}" names user "${userName}", which is not defined`);
  return { name, namespace: stringField(context, 'namespace') ?? 'default', cluster, ...(user ? { user } : {}) };
}
