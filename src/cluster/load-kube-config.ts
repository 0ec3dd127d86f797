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

/**
 * The service account config of a pod (KUBERNETES_SERVICE_HOST/PORT, the
 * mounted token and CA), for an app that runs in the cluster it previews.
 */
export function loadInClusterConfig(env: NodeJS.ProcessEnv = process.env): KubeConfig {
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) {
    throw new ClusterError(
      'in-cluster config requested, but KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set: kubegate is not running in a pod; use a kubeconfig in the app settings',
    );
  }
  const config = new KubeConfig();
  config.loadFromCluster();
  return config;
}

/** The namespace of the current context, or "default". */
export function contextNamespace(config: KubeConfig): string {
  return config.getContextObject(config.getCurrentContext())?.namespace ?? 'default';
}
