// One scope's list+watch loop: list (the full state, and where to watch
// from), then watch from that resourceVersion; re-list when the server says
// the version is gone (410), after relistMs (a periodic full re-list), and
// after a disconnect or an apiserver restart, with exponential backoff on
// errors. Cost grows with changes: one stream per scope, no polling.
import type { ClusterClient, KubeObject, WatchEvent } from '../../cluster/index.js';
import type { WatchScope } from './watch-scope.js';

export interface WatchLoopOptions {
  client: ClusterClient;
  scope: WatchScope;
  labelSelector: string;
  /** The scope's full state (after each list). */
  onList: (items: KubeObject[]) => void;
  onEvent: (event: WatchEvent) => void;
  /** A failed list or watch (the loop retries). */
  onError?: (err: unknown) => void;
  signal: AbortSignal;
  relistMs?: number;
  /** Server-side watch length (default 300 s). */
  watchSeconds?: number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_RELIST_MS = 10 * 60_000;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function watchUntilRelist(options: WatchLoopOptions, resourceVersion: string): Promise<void> {
  const now = options.now ?? Date.now;
  const relistAt = now() + (options.relistMs ?? DEFAULT_RELIST_MS);
  let version = resourceVersion;
  while (!options.signal.aborted && now() < relistAt) {
    const seconds = Math.max(1, Math.min(options.watchSeconds ?? 300, Math.ceil((relistAt - now()) / 1000)));
    const end = await options.client.watch({
      ...options.scope,
      labelSelector: options.labelSelector,
      resourceVersion: version,
      timeoutSeconds: seconds,
      signal: options.signal,
      onEvent: (event) => {
        version = event.object.metadata.resourceVersion ?? version;
        if (event.type !== 'BOOKMARK') options.onEvent(event);
      },
    });
    if (end === 'gone') return;
  }
}

export async function runWatchLoop(options: WatchLoopOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  let backoff = MIN_BACKOFF_MS;
  while (!options.signal.aborted) {
    try {
      const list = await options.client.listVersioned({ ...options.scope, labelSelector: options.labelSelector, signal: options.signal });
      options.onList(list.items);
      backoff = MIN_BACKOFF_MS;
      await watchUntilRelist(options, list.resourceVersion);
    } catch (err: unknown) {
      if (options.signal.aborted) return;
      options.onError?.(err);
      await sleep(backoff, options.signal);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}
