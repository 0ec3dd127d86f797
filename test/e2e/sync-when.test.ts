// sync.when: which merges sync an environment. By default only those that
// change its files; with `when: always`, every merge into the default branch
// (end to end through Probot with the recorded merged payload; GitHub is the
// harness's FakeGitHub, every request checked against GitHub's OpenAPI
// description; mode none records without a cluster).
import { jest } from '@jest/globals';
import { loadRepoConfig } from '../../src/config/load-repo-config.js';
import type { Tree } from '../harness/github/index.js';
import { approvedBy, BASE_SHA, MERGE_SHA, payloads, startSyncScenario, webApp, type SyncScenario } from './support/sync-scenario.js';

jest.setTimeout(30_000);

function twoEnvironments(platformSync: string, topLevel = ''): string {
  return `${topLevel}environments:
  - name: apps
    cluster: local
    paths: ["apps/**/*.yaml"]
    namespace: shop
    sync: {mode: none}
  - name: platform
    cluster: local
    paths: ["platform/**/*.yaml"]
    namespace: platform
    sync: ${platformSync}
`;
}

const platform = { 'platform/quota.yaml': 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: quota, namespace: platform}\nspec: {hard: {pods: "10"}}\n' };

describe('sync on merge: sync.when', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  async function merge(config: string, merged: Tree): Promise<SyncScenario> {
    scenario = await startSyncScenario({ config, trees: { [BASE_SHA]: { ...webApp('shop', 'nginx:1.26'), ...platform }, [MERGE_SHA]: merged }, reviews: [approvedBy('hubot')] });
    await scenario.harness.deliver('pull_request', payloads.merged);
    return scenario;
  }
  const mergeTouchingOnlyApps = (config: string): Promise<SyncScenario> => merge(config, { ...webApp('shop', 'nginx:1.27'), ...platform });
  const mergeTouchingNothing = (config: string): Promise<SyncScenario> => merge(config, { ...webApp('shop', 'nginx:1.26'), ...platform, 'README.md': '# docs only\n' });

  test('by default (changed) an environment the merge does not touch is left alone', async () => {
    const { harness, checkRuns, deployments } = await mergeTouchingOnlyApps(twoEnvironments('{mode: none}'));
    expect(deployments.deployments.map((d) => d.environment)).toEqual(['apps']);
    expect(checkRuns.runs.map((r) => r.name)).toEqual(['kubegate/approval', 'kubegate/sync (apps)']);
    harness.assertDone();
  });

  test('with when: always the untouched environment is synced too, after the same approval', async () => {
    const { harness, checkRuns, deployments } = await mergeTouchingOnlyApps(twoEnvironments('{mode: none, when: always}'));
    expect(deployments.deployments.map((d) => `${d.environment} ${d.statuses.at(-1)?.state ?? ''}`)).toEqual(['apps success', 'platform success']);
    expect(checkRuns.runs.map((r) => `${r.name} ${r.conclusion ?? ''}`)).toEqual(['kubegate/approval success', 'kubegate/sync (apps) success', 'kubegate/sync (platform) success']);
    expect(checkRuns.named('kubegate/approval')[0]?.output.summary).toContain('platform');
    harness.assertDone();
  });

  test('with when: always a merge that touches no environment still syncs it', async () => {
    const { harness, deployments } = await mergeTouchingNothing(twoEnvironments('{mode: none, when: always}'));
    expect(deployments.deployments.map((d) => d.environment)).toEqual(['platform']);
    harness.assertDone();
  });

  test("the top-level sync.when is every environment's default, and an environment's own replaces it", async () => {
    const { harness, deployments } = await mergeTouchingNothing(twoEnvironments('{mode: none, when: changed}', 'sync: {when: always}\n'));
    // apps inherits always; platform says changed, and the merge does not touch it.
    expect(deployments.deployments.map((d) => d.environment)).toEqual(['apps']);
    harness.assertDone();
  });

  test('an invalid sync.when is a config error naming the field and the allowed values; nothing is synced', async () => {
    const config = twoEnvironments('{mode: none, when: sometimes}');
    const loaded = loadRepoConfig(config);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.problems).toEqual([{ file: '.github/kubegate.yml', path: '/environments/1/sync/when', line: 11, message: 'must be one of "changed", "always" (got string "sometimes")' }]);
    scenario = await startSyncScenario({ config, trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [MERGE_SHA]: webApp('shop', 'nginx:1.27') } });
    await scenario.harness.deliver('pull_request', payloads.merged);
    expect(scenario.deployments.deployments).toEqual([]);
    expect(scenario.checkRuns.runs).toEqual([]);
    expect(scenario.harness.github.operations()).toEqual(['repos/get-content']);
    scenario.harness.assertDone();
  });
});
