// Watches one environment's ApplySet members and reports its drift against
// the deployed revision: a live cache fed by one list+watch loop per kind and
// namespace; after each burst of changes (debounced) the drift is computed
// from the cache and handed to onReport. Nothing is reported before every
// scope has been listed once (a member not yet seen is not "deleted").
import type { ClusterClient, KubeObject } from '../../cluster/index.js';
import type { ManifestObject } from '../../core/types.js';
import { APPLYSET_PART_OF_LABEL } from '../../sync/applyset-keys.js';
import { computeDrift } from '../compute-drift.js';
import type { ObjectDriftOptions } from '../compute-object-drift.js';
import { memberKey } from '../member-key.js';
import type { DriftReport } from '../types.js';
import { runWatchLoop } from './watch-loop.js';
import { planWatch, type WatchScope } from './watch-scope.js';

export interface DriftWatcherOptions extends ObjectDriftOptions {
  client: ClusterClient;
  environment: string;
  revision?: string;
  desired: readonly ManifestObject[];
  /** The ApplySet id (applyset.kubernetes.io/part-of of the members). */
  applySetId: string;
  namespace?: string;
  onReport: (report: DriftReport) => void | Promise<void>;
  onError?: (err: unknown) => void;
  /** Quiet time after a change before reporting (default 500 ms). */
  debounceMs?: number;
  relistMs?: number;
  watchSeconds?: number;
}

export interface DriftWatcher {
  /** Stops every watch; resolves when the loops have ended. */
  close(): Promise<void>;
}

const DEFAULT_DEBOUNCE_MS = 500;

function liveKey(object: KubeObject): string {
  return memberKey({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name ?? '', ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) });
}

function scopeKey(scope: WatchScope): string {
  return memberKey({ ...scope, name: '' });
}

export async function startDriftWatcher(options: DriftWatcherOptions): Promise<DriftWatcher> {
  const controller = new AbortController();
  const plan = await planWatch(options.client, options.desired, options.namespace);
  const cache = new Map<string, KubeObject>();
  const listed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = (): void => {
    timer = undefined;
    if (controller.signal.aborted || listed.size < plan.scopes.length) return;
    const drift = computeDrift({
      environment: options.environment,
      ...(options.revision ? { revision: options.revision } : {}),
      desired: options.desired,
      live: (object) => cache.get(plan.keyOf.get(object) ?? '') ?? null,
    }, options);
    Promise.resolve(options.onReport(drift)).catch((err: unknown) => options.onError?.(err));
  };
  const changed = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(report, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  };
  const loops = plan.scopes.map((scope) => runWatchLoop({
    client: options.client,
    scope,
    labelSelector: `${APPLYSET_PART_OF_LABEL}=${options.applySetId}`,
    signal: controller.signal,
    ...(options.relistMs ? { relistMs: options.relistMs } : {}),
    ...(options.watchSeconds ? { watchSeconds: options.watchSeconds } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    onList: (items) => {
      const key = scopeKey(scope);
      for (const [k, o] of cache) if (scopeKey({ apiVersion: o.apiVersion, kind: o.kind, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) }) === key) cache.delete(k);
      for (const item of items) cache.set(liveKey(item), item);
      listed.add(key);
      changed();
    },
    onEvent: (event) => {
      if (event.type === 'DELETED') cache.delete(liveKey(event.object));
      else cache.set(liveKey(event.object), event.object);
      changed();
    },
  }));
  return {
    close: async () => {
      controller.abort();
      if (timer) clearTimeout(timer);
      await Promise.all(loops);
    },
  };
}
