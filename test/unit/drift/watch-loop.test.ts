// The list+watch loop's fault handling with a scripted client: 410 Gone and
// the periodic re-list list again; a failed list (apiserver down) backs off,
// doubling; events between lists reach onEvent, bookmarks do not.
import type { ClusterClient, KubeObject, WatchEnd, WatchOptions } from '../../../src/cluster/index.js';
import { createHealBackoff } from '../../../src/drift/heal/heal-backoff.js';
import { runWatchLoop } from '../../../src/drift/watch/watch-loop.js';

const cm = (name: string, rv: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, resourceVersion: rv } });

test('re-lists on 410 and after a failed list with backoff; passes events, skips bookmarks', async () => {
  const controller = new AbortController();
  const script: Array<() => Promise<{ items: KubeObject[]; resourceVersion: string }>> = [
    () => Promise.resolve({ items: [cm('a', '5')], resourceVersion: '5' }),
    () => Promise.reject(new Error('connection refused')),
    () => Promise.reject(new Error('connection refused')),
    () => Promise.resolve({ items: [], resourceVersion: '9' }),
  ];
  const watches: string[] = [];
  const watchScript: Array<(o: WatchOptions) => WatchEnd> = [
    (o) => {
      o.onEvent({ type: 'MODIFIED', object: cm('a', '6') });
      o.onEvent({ type: 'BOOKMARK', object: cm('', '7') });
      return 'ended';
    },
    () => 'gone',
    () => {
      controller.abort();
      return 'ended';
    },
  ];
  const client = {
    listVersioned: () => (script.shift() ?? (() => Promise.reject(new Error('no more'))))(),
    watch: (o: WatchOptions) => {
      watches.push(o.resourceVersion);
      return Promise.resolve((watchScript.shift() ?? (() => 'ended' as const))(o));
    },
  } as unknown as ClusterClient;
  const lists: number[] = [];
  const events: string[] = [];
  const sleeps: number[] = [];
  await runWatchLoop({
    client,
    scope: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'x' },
    labelSelector: 'l=v',
    signal: controller.signal,
    onList: (items) => lists.push(items.length),
    onEvent: (e) => events.push(`${e.type} ${e.object.metadata.resourceVersion ?? ''}`),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  expect(lists).toEqual([1, 0]);
  expect(events).toEqual(['MODIFIED 6']);
  expect(watches).toEqual(['5', '7', '9']);
  expect(sleeps).toEqual([250, 500]);
});

test('heal backoff: 30 s after a heal, doubling while the object keeps drifting, reset once it stays healed', () => {
  let now = 0;
  const backoff = createHealBackoff({ now: () => now });
  expect(backoff.waitFor('k')).toBe(0);
  backoff.healed('k');
  now = 10_000;
  expect(backoff.waitFor('k')).toBe(20_000);
  now = 30_000;
  backoff.healed('k');
  now = 31_000;
  expect(backoff.waitFor('k')).toBe(59_000);
  now = 1_000_000;
  backoff.healed('k');
  expect(backoff.waitFor('k')).toBe(30_000);
});
