// The pure parts of the sync's records: the effective sync settings, the
// comparison with the preview, and the check run kubegate/sync (ENV).
import { buildSyncCheck } from '../../../src/sync/build-sync-check.js';
import { comparePrediction, predictionKey } from '../../../src/sync/compare-prediction.js';
import { resolveSyncConfig } from '../../../src/sync/resolve-sync-config.js';
import type { SyncedObject, SyncResult } from '../../../src/sync/types.js';

const cm = (name: string, action: SyncedObject['action'], extra: Partial<SyncedObject> = {}): SyncedObject => ({
  ref: { group: '', version: 'v1', kind: 'ConfigMap', name, namespace: 'shop' },
  action,
  ...extra,
});

test('sync settings: the environment overrides the top level field by field; off unless a mode is set', () => {
  expect(resolveSyncConfig({}, {})).toEqual({ enabled: false, mode: 'none', when: 'changed', prune: false, recreate: false, waitForRollout: true, timeoutSeconds: 300 });
  expect(resolveSyncConfig({ sync: { mode: 'apply', when: 'always', prune: true, timeoutSeconds: 60 } }, { sync: { prune: false, namespaces: ['shop'] } })).toEqual({
    enabled: true,
    mode: 'apply',
    when: 'always',
    prune: false,
    recreate: false,
    waitForRollout: true,
    timeoutSeconds: 60,
    namespaces: ['shop'],
  });
});

test('differences from the preview: changed though not in the pull request, predicted but unchanged, pruned though not removed now', () => {
  const prediction = {
    changed: new Set([predictionKey({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: 'shop' }, undefined), predictionKey({ apiVersion: 'v1', kind: 'ConfigMap', name: 'b' }, 'shop')]),
    removed: new Set<string>(),
  };
  const mismatches = comparePrediction(
    [cm('a', 'configured', { predicted: 'update' }), cm('b', 'unchanged', { predicted: 'update' }), cm('c', 'configured', { predicted: 'update' }), cm('d', 'pruned'), cm('e', 'unchanged')],
    prediction,
  );
  expect(mismatches).toEqual([
    'ConfigMap shop/b: the preview predicted a change, but applying changed nothing',
    'ConfigMap shop/c was configured, but the pull request did not change it: the cluster differed from Git (a change outside Git, or an earlier commit not synced)',
    'ConfigMap shop/d was pruned, but this merge did not remove it from Git (removed earlier, while prune was off or a sync failed)',
  ]);
});

test('the check run: conclusion, counts, a row per object (many unchanged summed up), Secret values scrubbed', () => {
  const result: SyncResult = {
    environment: 'prod',
    cluster: 'eu',
    mode: 'apply',
    status: 'refused',
    reason: 'nothing applied: 1 of 30 objects refused before the apply (Secret shop/db: value "hunter22" is invalid)',
    objects: [cm('x', 'failed', { message: 'value "hunter22" is invalid', field: 'data.password' }), ...Array.from({ length: 29 }, (_, i) => cm(`u${i}`, 'unchanged'))],
    unhealthy: [],
    applySet: { id: 'applyset-abc-v1', parent: 'Secret shop/applyset-kubegate-prod' },
    durationMs: 1234,
  };
  const check = buildSyncCheck(result, { sha: 'f'.repeat(40), mismatches: [], secretValues: ['hunter22'] });
  expect(check).toMatchObject({ name: 'kubegate/sync (prod)', conclusion: 'failure', title: 'not synced: 29 unchanged, 1 failed' });
  expect(check.summary).not.toContain('hunter22');
  expect(check.summary).toContain('| ConfigMap shop/x | failed | field `data.password`: value "***" is invalid |');
  expect(check.summary).toContain('| 29 more objects | unchanged | |');
  expect(check.summary).toContain('ApplySet `applyset-abc-v1` (parent Secret shop/applyset-kubegate-prod).');
});
