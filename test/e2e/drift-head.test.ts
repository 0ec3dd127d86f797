// kubegate/drift (ENV) follows the default branch head, through Probot and
// the GitHub harness (every request checked against GitHub's OpenAPI
// description). The merge is synced (by a stand-in executor) and watched by
// the app's drift service against an in-memory cluster that has drifted; a
// later push that changes no environment moves the head: the last report is
// published on a new run on the new head, the run on the old head keeps its
// last report, and the cluster is not listed again. A late delivery of an
// older head does not move it back.
import { jest } from '@jest/globals';
import { driftOnHead, driftOnSynced } from '../../src/app/drift/drift-on-synced.js';
import { createDriftService, type DriftService } from '../../src/app/drift/drift-service.js';
import type { ClusterClient, KubeObject, ObjectRef, WatchOptions } from '../../src/cluster/index.js';
import { parseAppSettings } from '../../src/settings/index.js';
import type { SyncExecutor } from '../../src/sync/create-sync-executor.js';
import type { JsonObject } from '../harness/github/index.js';
import { eventually } from '../setup/eventually.js';
import { approvedBy, BASE_SHA, configText, DIRECT_SHA, MERGE_SHA, payloads, startSyncScenario, webApp, type SyncScenario } from './support/sync-scenario.js';

jest.setTimeout(30_000);

const NS = 'shop';
const settingsDocument = { clusters: { local: { kubeconfig: '/nowhere/kubeconfig', repositories: ['Codertocat/*'] } } };
const merged = webApp(NS, 'nginx:1.27', ', world');

/** What the stand-in executor answers: the merge was applied. */
const applied: SyncExecutor = async (request) => ({
  status: 'ran',
  value: { environment: request.environment.name, cluster: 'local', mode: 'apply', status: 'succeeded', reason: '2 configured', objects: [], unhealthy: [], durationMs: 1 },
});

/** The cluster as the watcher sees it: the merged objects, the ConfigMap edited by kubectl since. */
function liveObjects(): KubeObject[] {
  const meta = (name: string, extra: JsonObject = {}): KubeObject['metadata'] => ({ name, namespace: NS, resourceVersion: '7', ...extra });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web'),
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('web-settings', { managedFields: [{ manager: 'kubectl-edit', operation: 'Update', apiVersion: 'v1', time: '2024-05-16T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:greeting': {} } } }] }),
      data: { greeting: 'edited by hand' },
    },
  ];
}

/** An in-memory cluster: member lists counted, watches that stay open until stopped, Leases kept. */
function memoryCluster(): { client: ClusterClient; lists: () => number } {
  let lists = 0;
  const stored = new Map<string, KubeObject>();
  const keyOf = (ref: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): string => `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
  const store = ({ object }: { object: KubeObject }): Promise<KubeObject> => {
    const saved = { ...object, metadata: { ...object.metadata, resourceVersion: String(stored.size + 1) } };
    stored.set(keyOf({ kind: object.kind, name: object.metadata.name ?? '', ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) }), saved);
    return Promise.resolve(saved);
  };
  const client: Partial<ClusterClient> = {
    defaultNamespace: 'default',
    resource: (_apiVersion, kind) => Promise.resolve({ name: `${kind.toLowerCase()}s`, kind, namespaced: true }),
    listVersioned: (options) => {
      lists++;
      return Promise.resolve({ items: liveObjects().filter((o) => o.kind === options.kind && o.metadata.namespace === options.namespace), resourceVersion: '7' });
    },
    watch: (options: WatchOptions) =>
      new Promise((resolve) => {
        if (options.signal?.aborted) resolve('ended');
        else options.signal?.addEventListener('abort', () => resolve('ended'), { once: true });
      }),
    find: (ref) => Promise.resolve(stored.get(keyOf(ref)) ?? null),
    create: store,
    apply: store,
  };
  return { client: client as ClusterClient, lists: () => lists };
}

function pushPayload(before: string, after: string): JsonObject {
  return { ...structuredClone(payloads.direct), before, after };
}


describe('kubegate/drift (ENV) on the default branch head', () => {
  let scenario: SyncScenario | undefined;
  let service: DriftService | undefined;
  afterEach(async () => {
    await service?.close();
    await scenario?.harness.stop();
  });

  test('a push that changes no environment moves the report to a new run on the new head, without listing the cluster again', async () => {
    const cluster = memoryCluster();
    const settings = parseAppSettings(settingsDocument, 'test settings', process.cwd());
    const drift = createDriftService(settings, { createClient: () => cluster.client, debounceMs: 20 });
    service = drift;
    scenario = await startSyncScenario({
      config: configText({ namespace: NS, sync: '{mode: apply}' }),
      // The push after the merge changes nothing the environment reads.
      trees: { [BASE_SHA]: webApp(NS, 'nginx:1.26'), [MERGE_SHA]: merged, [DIRECT_SHA]: { ...merged, 'README.md': 'docs only\n' } },
      reviews: [approvedBy('hubot')],
      settings: settingsDocument,
      deps: { syncExecutor: () => applied, onSynced: driftOnSynced(() => drift), onHead: driftOnHead(() => drift) },
    });
    const { harness, checkRuns } = scenario;
    const driftRuns = (sha: string) => checkRuns.named('kubegate/drift (apps)', sha);

    // 1. The merge is synced and watched: the drift shows on the merge commit, the head.
    await harness.deliver('pull_request', payloads.merged);
    await eventually('the drift run on the merge commit', () => driftRuns(MERGE_SHA)[0]?.status === 'completed', 10_000, 20);
    const [onMerge] = driftRuns(MERGE_SHA);
    expect(onMerge).toMatchObject({ conclusion: 'failure', output: expect.objectContaining({ title: '1 of 2 objects drifted' }) });
    expect(onMerge?.output.summary).toContain(`Environment **apps** at ${MERGE_SHA.slice(0, 12)}`);
    expect(onMerge?.output.summary).toContain('`data.greeting`: `"hello, world"` → `"edited by hand"` — by kubectl-edit');
    const listed = cluster.lists();
    expect(listed).toBe(2); // one list per member kind and namespace
    const historyOnMerge = [...(onMerge?.history ?? [])];

    // 2. A push that changes no environment: the same report on a new run on the new head.
    await harness.deliver('push', pushPayload(MERGE_SHA, DIRECT_SHA));
    await eventually('the drift run on the pushed commit', () => driftRuns(DIRECT_SHA)[0]?.status === 'completed', 10_000, 20);
    const [onPush] = driftRuns(DIRECT_SHA);
    expect(onPush).toMatchObject({ conclusion: 'failure', output: onMerge?.output });
    expect(driftRuns(MERGE_SHA)).toHaveLength(1);
    expect(driftRuns(MERGE_SHA)[0]?.history).toEqual(historyOnMerge);
    expect(cluster.lists()).toBe(listed);
    // Nothing was synced for the push: no approval or sync run on it.
    expect(checkRuns.runs.filter((r) => r.head_sha === DIRECT_SHA).map((r) => r.name)).toEqual(['kubegate/drift (apps)']);

    // 3. A late redelivery of the merge (an older head) does not move the report back.
    const before = checkRuns.runs.length;
    await harness.deliver('push', pushPayload(BASE_SHA, MERGE_SHA));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(checkRuns.runs).toHaveLength(before);
    expect(driftRuns(MERGE_SHA)[0]?.history).toEqual(historyOnMerge);

    await drift.close();
    harness.assertDone();
  });
});
