// The app's drift service against the local control plane, with an in-memory
// GitHub port: after a sync it holds the drift Lease, reports in sync, then
// the drift of a kubectl edit on the same check run, self-heals it and
// records the heal as a Deployment. close() stops every watch.
import { createDriftService, type DriftService } from '../../src/app/drift/drift-service.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { clusterClient, eventually, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { concluded, memoryDriftPort, recordedGitHub } from './drift-helpers.js';
import { configMap, hasKubectl, kubectl, objects, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;
const TIMEOUT = 10_000;

let service: DriftService | undefined;
afterAll(async () => {
  await service?.close();
});

describe('drift service', () => {
  testWithKubectl('reports on the same check run and self-heals, recorded as a Deployment', async () => {
    const ns = await freshNamespace('drift-service');
    const text = configMap(ns, 'a');
    await syncText(text, { namespace: ns });
    const settings = parseAppSettings({ clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['*/*'], leaseNamespace: ns } } }, 'test', process.cwd());
    service = createDriftService(settings, { debounceMs: 100 });
    const recorded = recordedGitHub();
    const environment: EnvironmentConfig = { name: 'staging', cluster: 'local', paths: [], render: 'plain', namespace: ns, drift: { conclusion: 'neutral', selfHeal: true } };
    service.track({ port: memoryDriftPort(recorded), sha: 'c'.repeat(40), environment, desired: objects(text) });
    await eventually('the drift run completed in sync', () => concluded(recorded, 'success'), TIMEOUT);
    expect(await clusterClient().find({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'kubegate-sync-drift-staging', namespace: ns })).not.toBeNull();

    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"edited"}}']).status).toBe(0);
    await eventually('the drift run completed drifted (neutral)', () => concluded(recorded, 'neutral'), TIMEOUT);
    await eventually('the heal recorded as a Deployment with its status', () => recorded.deployments.length === 2, TIMEOUT);
    await eventually('the drift run in sync again after the heal', () => concluded(recorded, 'success', 2), TIMEOUT);
    expect(recorded.runs).toHaveLength(1);
    expect(new Set(recorded.updates.map((u) => u.id))).toEqual(new Set([1]));
    expect(recorded.deployments[1]).toMatchObject({ state: 'success' });
    expect((await clusterClient().get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: ns })).data).toEqual({ key: 'v1' });
    await service.close();
  });
});
