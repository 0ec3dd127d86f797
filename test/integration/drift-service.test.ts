// The app's drift service against the local control plane, with an in-memory
// GitHub port: after a sync it holds the drift Lease, reports in sync, then
// the drift of a kubectl edit on the same check run, self-heals it and
// records the heal as a Deployment. close() stops every watch.
import { createDriftService, type DriftService } from '../../src/app/drift/drift-service.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import type { CheckRunInfo, CheckRunUpdate, GitHubPort, NewCheckRun } from '../../src/github/github-port.js';
import type { NewDeployment, NewDeploymentStatus } from '../../src/github/sync-port.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { configMap, hasKubectl, kubectl, objects, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

interface Recorded {
  runs: Array<NewCheckRun & { id: number }>;
  updates: Array<{ id: number; update: CheckRunUpdate }>;
  deployments: Array<NewDeployment | NewDeploymentStatus>;
}

function memoryPort(recorded: Recorded): GitHubPort {
  const port: Partial<GitHubPort> = {
    repo: { owner: 'o', repo: 'r' },
    appId: () => Promise.resolve(undefined),
    listCheckRuns: () => Promise.resolve(recorded.runs.map((r): CheckRunInfo => ({ id: r.id, name: r.name, headSha: r.headSha, status: 'completed', conclusion: null, externalId: r.externalId, annotationsCount: 0, appId: null }))),
    createCheckRun: (run) => {
      const id = recorded.runs.length + 1;
      recorded.runs.push({ ...run, id });
      return Promise.resolve({ id, name: run.name, headSha: run.headSha, status: 'in_progress', conclusion: null, externalId: run.externalId, annotationsCount: 0, appId: null });
    },
    updateCheckRun: (id, update) => {
      recorded.updates.push({ id, update });
      return Promise.resolve();
    },
    createDeployment: (deployment) => {
      recorded.deployments.push(deployment);
      return Promise.resolve({ id: 1, sha: deployment.sha, environment: deployment.environment });
    },
    createDeploymentStatus: (_id, status) => {
      recorded.deployments.push(status);
      return Promise.resolve();
    },
  };
  return port as GitHubPort;
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
    const recorded: Recorded = { runs: [], updates: [], deployments: [] };
    const environment: EnvironmentConfig = { name: 'staging', cluster: 'local', paths: [], render: 'plain', namespace: ns, drift: { conclusion: 'neutral', selfHeal: true } };
    service.track({ port: memoryPort(recorded), sha: 'c'.repeat(40), environment, desired: objects(text) });
    await until(() => recorded.updates.some((u) => 'conclusion' in u.update && u.update.conclusion === 'success'));
    expect(await clusterClient().find({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'kubegate-sync-drift-staging', namespace: ns })).not.toBeNull();

    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"edited"}}']).status).toBe(0);
    await until(() => recorded.updates.some((u) => 'conclusion' in u.update && u.update.conclusion === 'neutral'));
    await until(() => recorded.deployments.length === 2);
    await until(() => recorded.updates.filter((u) => 'conclusion' in u.update && u.update.conclusion === 'success').length >= 2);
    expect(recorded.runs).toHaveLength(1);
    expect(new Set(recorded.updates.map((u) => u.id))).toEqual(new Set([1]));
    expect(recorded.deployments[1]).toMatchObject({ state: 'success' });
    expect((await clusterClient().get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: ns })).data).toEqual({ key: 'v1' });
    await service.close();
  });
});
