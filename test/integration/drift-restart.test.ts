// Drift watching survives an app restart: a sync with the real executor
// records the repository, environment, installation and revision on the
// ApplySet parent; a fresh drift service (the restarted app) rebuilds its
// watches from the cluster and an in-memory GitHub port, and a kubectl edit
// is reported on kubegate/drift (ENV) of the deployed revision.
import { createDriftService, type DriftService } from '../../src/app/drift/drift-service.js';
import { driftOnSynced } from '../../src/app/drift/drift-on-synced.js';
import { rebuildDrift } from '../../src/app/drift/rebuild-drift.js';
import { loadRepoConfig } from '../../src/config/load-repo-config.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { parseAppSettings } from '../../src/settings/index.js';
import { createSyncExecutor } from '../../src/sync/create-sync-executor.js';
import { resolveSyncConfig } from '../../src/sync/resolve-sync-config.js';
import { clusterClient, eventually, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';
import { concluded, memoryDriftPort, recordedGitHub } from './drift-helpers.js';
import { configMap, hasKubectl, kubectl, objects } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;
const TIMEOUT = 15_000;

let service: DriftService | undefined;
afterAll(async () => {
  await service?.close();
});

describe('drift after a restart', () => {
  testWithKubectl('the parent records the synced revision; a fresh service watches it again', async () => {
    const ns = await freshNamespace('drift-restart');
    const repository = `o/restart-${ns}`;
    const sha = 'd'.repeat(40);
    const text = configMap(ns, 'a');
    const settings = parseAppSettings({ clusters: { local: { kubeconfig: kubeconfigPath(), repositories: [repository], leaseNamespace: ns } } }, 'test', process.cwd());
    const configText = `environments:\n  - name: staging\n    cluster: local\n    namespace: ${ns}\n    paths: ["env/**"]\n    sync: {mode: apply}\n    drift: {conclusion: neutral}\n`;
    const loaded = loadRepoConfig(configText);
    if (!loaded.ok) throw new Error('the test config is not valid');
    const environment = loaded.config.environments[0] as EnvironmentConfig;

    // The sync, with the real executor.
    const execute = createSyncExecutor(settings);
    const outcome = await execute({ repository, environment, sync: resolveSyncConfig(loaded.config, environment), sha, objects: objects(text), installationId: 7 });
    expect(outcome).toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    const parent = await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-staging', namespace: ns });
    expect(parent.metadata.annotations).toMatchObject({
      'kubegate.dev/repository': repository,
      'kubegate.dev/environment': 'staging',
      'kubegate.dev/revision': sha,
      'kubegate.dev/installation-id': '7',
    });

    // The restart: a fresh service, rebuilt from the cluster and GitHub.
    service = createDriftService(settings, { debounceMs: 100 });
    const recorded = recordedGitHub();
    const opened: number[] = [];
    const rebuilt = await rebuildDrift({
      settings,
      loadRepoConfig,
      onSynced: driftOnSynced(() => service as DriftService),
      openRepository: (installationId) => {
        opened.push(installationId);
        return Promise.resolve({ port: memoryDriftPort(recorded, { repo: repository, configText }), defaultBranch: 'main' });
      },
      readDesired: (_port, _config, env, revision) => Promise.resolve(env === 'staging' && revision === sha ? objects(text) : []),
    });
    expect(rebuilt.watched).toBe(1);
    expect(opened).toEqual([7]);
    await eventually('the drift run completed in sync', () => concluded(recorded, 'success'), TIMEOUT);

    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"edited"}}']).status).toBe(0);
    await eventually('the drift run completed drifted (neutral)', () => concluded(recorded, 'neutral'), TIMEOUT);
    expect(recorded.runs).toHaveLength(1);
    expect(recorded.runs[0]).toMatchObject({ name: 'kubegate/drift (staging)', headSha: sha });
    await service.close();
  });
});
