// How to connect to a configured cluster, in the shape the cluster adapter's
// createClusterClient takes (kubeconfig + context, or in-cluster).
import type { ClusterSettings } from './types.js';

export interface ClusterConnection {
  kubeconfigPath?: string;
  context?: string;
  inCluster?: boolean;
}

export function clusterConnection(cluster: ClusterSettings): ClusterConnection {
  if (cluster.inCluster) return { inCluster: true };
  return { ...(cluster.kubeconfig ? { kubeconfigPath: cluster.kubeconfig } : {}), ...(cluster.context ? { context: cluster.context } : {}) };
}
