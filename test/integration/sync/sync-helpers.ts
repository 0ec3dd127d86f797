// Helpers of the sync integration tests: objects from YAML text, an apply-mode
// sync of one environment against the local control plane, and kubectl.
import { spawnSync } from 'node:child_process';
import type { ManifestObject } from '../../../src/core/types.js';
import { loadManifests } from '../../../src/manifests/index.js';
import { syncWithApply, type ApplySyncOptions } from '../../../src/sync/index.js';
import type { SyncResult } from '../../../src/sync/types.js';
import { clusterClient, kubeconfigPath } from '../../setup/cluster-env.js';

export function objects(text: string, file = 'env/app.yaml'): ManifestObject[] {
  const loaded = loadManifests(file, text);
  expect(loaded.errors).toEqual([]);
  return loaded.objects;
}

export function syncText(text: string, options: Partial<ApplySyncOptions> & { namespace: string }): Promise<SyncResult> {
  return syncWithApply({
    client: clusterClient(),
    environment: 'staging',
    cluster: 'local',
    objects: objects(text),
    prune: false,
    recreate: false,
    waitForRollout: false,
    timeoutMs: 30_000,
    ...options,
  });
}

export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

export function kubectl(args: readonly string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const run = spawnSync('kubectl', ['--kubeconfig', kubeconfigPath(), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function configMap(ns: string, name: string, data = 'v1'): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: ${ns}
data:
  key: ${data}
`;
}

export function actions(result: SyncResult): string[] {
  return result.objects.map((o) => `${o.ref.kind} ${o.ref.name} ${o.action}`).sort();
}
