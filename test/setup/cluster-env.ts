// Helpers for integration tests against the local control plane that the
// global setup started. Import them from a test:
//   import { clusterClient, freshNamespace } from '../setup/cluster-env.js';
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import {
  createClusterClient,
  loadKubeConfig,
  type ClusterClient,
  type ClusterClientOptions,
} from '../../src/cluster/index.js';

jest.setTimeout(60_000);

export type KubeConfig = ReturnType<typeof loadKubeConfig>;

/** Absolute path of the test control plane's kubeconfig. */
export function kubeconfigPath(): string {
  const path = process.env.KUBEGATE_TEST_KUBECONFIG;
  if (!path) {
    throw new Error(
      'KUBEGATE_TEST_KUBECONFIG is not set: run integration tests through jest\'s "cluster" project ' +
        '(its global setup starts the control plane), e.g. npm test',
    );
  }
  return path;
}

/** The access (server, TLS, credentials) of the test control plane's kubeconfig. */
export function kubeConfig(): KubeConfig {
  return loadKubeConfig({ file: kubeconfigPath() });
}

/** The cluster adapter for the test control plane. */
export function clusterClient(options: Partial<Omit<ClusterClientOptions, 'kubeconfigPath'>> = {}): ClusterClient {
  return createClusterClient({ kubeconfigPath: kubeconfigPath(), ...options });
}

function namespaceName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'test';
  return `${clean}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Creates a namespace with a unique name and returns the name. No cleanup
 * needed: without kube-controller-manager a deleted namespace would stay
 * Terminating anyway, and the control plane is thrown away after the run.
 */
export async function freshNamespace(prefix = 'test'): Promise<string> {
  const name = namespaceName(prefix);
  await clusterClient({ fieldManager: 'kubegate-test' }).apply({
    object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubegate-test': 'true' } } },
  });
  return name;
}

export { eventually } from './eventually.js';
