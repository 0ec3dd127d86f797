// Loads a kubeconfig file (optionally switching context). The only module,
// with send-request.ts, that touches @kubernetes/client-node.
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterError } from './cluster-error.js';

export interface LoadKubeConfigOptions {
  /** Path of the kubeconfig file. */
  file: string;
  /** Context to use instead of the file's current-context. */
  context?: string;
}

export function loadKubeConfig({ file, context }: LoadKubeConfigOptions): KubeConfig {
  if (!existsSync(file)) {
    throw new ClusterError(`kubeconfig ${file} does not exist; check the path in the app settings`);
  }
  const config = new KubeConfig();
  try {
    config.loadFromFile(file);
  } catch (cause) {
    throw new ClusterError(`kubeconfig ${file} could not be read: ${String(cause)}`, { cause });
  }
  if (context !== undefined) {
    if (!config.getContextObject(context)) {
      const known = config.getContexts().map((c) => c.name).join(', ') || 'none';
      throw new ClusterError(`kubeconfig ${file} has no context "${context}" (it has: ${known})`);
    }
    config.setCurrentContext(context);
  }
  if (!config.getCurrentCluster()) {
    throw new ClusterError(`kubeconfig ${file}: context "${config.getCurrentContext()}" names no known cluster`);
  }
  return config;
}

/** The namespace of the current context, or "default". */
export function contextNamespace(config: KubeConfig): string {
  return config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
}
