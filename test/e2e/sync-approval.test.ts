// The approval gate of the sync on merge, end to end through Probot with the
// recorded payloads: GitHub is the FakeGitHub of the harness (every request
// checked against GitHub's OpenAPI description). No cluster is reached here:
// a refused commit never gets that far, and mode "none" only records.
import { jest } from '@jest/globals';
import type { SyncExecutor } from '../../src/sync/create-sync-executor.js';
import { approvedBy, BASE_SHA, configText, DIRECT_SHA, MERGE_SHA, payloads, startSyncScenario, webApp, type SyncScenario } from './support/sync-scenario.js';

jest.setTimeout(30_000);

const neverSync: SyncExecutor = () => {
  throw new Error('the sync must not run');
};

describe('sync on merge: approvals', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('a direct push is refused: a failing kubegate/approval says why, and nothing is deployed', async () => {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: '{mode: apply}' }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [DIRECT_SHA]: webApp('shop', 'nginx:1.27') },
      deps: { syncExecutor: () => neverSync },
    });
    const { harness, checkRuns, deployments } = scenario;
    await harness.deliver('push', payloads.direct);
    expect(checkRuns.runs).toHaveLength(1);
    expect(checkRuns.runs[0]).toMatchObject({
      name: 'kubegate/approval',
      head_sha: DIRECT_SHA,
      conclusion: 'failure',
      output: { title: 'not approved for apps' },
    });
    expect(checkRuns.runs[0]?.output.summary).toContain(`commit ${DIRECT_SHA.slice(0, 7)} was pushed to master directly, not merged through a pull request, so nobody approved it`);
    expect(deployments.deployments).toEqual([]);
    harness.assertDone();
  });

  test("a merge without enough approvals on the last commit is refused (the author's own and a stale approval do not count)", async () => {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: '{mode: apply}', approvals: '{required: 1}' }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [MERGE_SHA]: webApp('shop', 'nginx:1.27') },
      reviews: [approvedBy('Codertocat'), approvedBy('hubot', BASE_SHA)],
      deps: { syncExecutor: () => neverSync },
    });
    const { harness, checkRuns } = scenario;
    await harness.deliver('pull_request', payloads.merged);
    expect(checkRuns.named('kubegate/approval', MERGE_SHA)[0]).toMatchObject({ conclusion: 'failure' });
    expect(checkRuns.runs[0]?.output.summary).toContain('pull request #2 has 0 of 1 required approvals on its last commit ec26c3e');
    expect(harness.github.operations()).toEqual([
      'repos/get-content',
      'repos/get-commit',
      'repos/download-tarball-archive',
      'repos/download-tarball-archive',
      'repos/list-pull-requests-associated-with-commit',
      'pulls/list-reviews',
      'checks/list-for-ref',
      'checks/create',
      'checks/update',
    ]);
    harness.assertDone();
  });

  test('a team rule counts only approvals by its members', async () => {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: '{mode: none}', approvals: '{required: 1, teams: [platform]}' }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [MERGE_SHA]: webApp('shop', 'nginx:1.27') },
      reviews: [approvedBy('hubot'), approvedBy('octo-sre')],
    });
    const { harness, checkRuns, deployments } = scenario;
    await harness.deliver('pull_request', payloads.merged);
    expect(checkRuns.named('kubegate/approval')[0]?.output.summary).toContain('pull request #2 was approved by octo-sre (1 of 1 required from @Codertocat/platform)');
    expect(harness.github.requestsOf('teams/get-membership-for-user-in-org').map((r) => r.params['username'])).toEqual(['hubot', 'octo-sre']);
    expect(deployments.deployments).toHaveLength(1);
    harness.assertDone();
  });

  test('an approved merge with sync.mode none is recorded: a Deployment with statuses and a passing kubegate/sync; a redelivery does nothing more', async () => {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: '{mode: none}' }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [MERGE_SHA]: webApp('shop', 'nginx:1.27') },
      reviews: [approvedBy('hubot')],
    });
    const { harness, checkRuns, deployments } = scenario;
    await harness.deliver('pull_request', payloads.merged);
    expect(checkRuns.runs.map((r) => `${r.name} ${r.conclusion ?? ''}`)).toEqual(['kubegate/approval success', 'kubegate/sync (apps) success']);
    expect(checkRuns.named('kubegate/sync (apps)')[0]?.output.title).toBe('recorded, not synced (sync.mode: none)');
    expect(deployments.deployments).toEqual([
      expect.objectContaining({
        sha: MERGE_SHA,
        ref: MERGE_SHA,
        environment: 'apps',
        auto_merge: false,
        required_contexts: [],
        statuses: [
          expect.objectContaining({ state: 'in_progress' }),
          expect.objectContaining({ state: 'success', description: 'sync.mode is none: kubegate records the deployment and changes nothing' }),
        ],
      }),
    ]);
    await harness.deliver('pull_request', payloads.merged);
    expect(deployments.deployments).toHaveLength(1);
    expect(checkRuns.named('kubegate/sync (apps)')).toHaveLength(1);
    harness.assertDone();
  });
});
