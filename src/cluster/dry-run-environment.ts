// The cluster half of the diff for one environment: check that the cluster
// answers, then dry-run every object at head and read every object removed
// from Git, a bounded number at a time, within one time budget. Never throws
// for cluster faults: an unreachable cluster or a spent budget is part of the
// result, so the caller reports it (src/diff turns the result into text).
import { setMaxListeners } from 'node:events';
import type { ManifestObject } from '../core/types.js';
import type { DryRunError, DryRunOutcome, EnvironmentDryRun, RemovedOutcome } from '../diff/types.js';
import type { ClusterClient } from './cluster-client.js';
import { bareRef, dryRunObject, readRemovedObject, toDryRunError, type DryRunObjectContext } from './dry-run-object.js';
import { mapBounded } from './map-bounded.js';
import { prefetchLive } from './prefetch-live.js';

/** Objects in flight against an API server on this machine: it shares our CPUs, so more would only queue. */
export const DEFAULT_DRY_RUN_CONCURRENCY = 8;
/** Against a remote API server: its own CPUs, and a network round trip per request to hide. */
export const REMOTE_DRY_RUN_CONCURRENCY = 16;
export const MAX_DRY_RUN_CONCURRENCY = 64;
export const DEFAULT_DRY_RUN_TIMEOUT_MS = 120_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 15_000;

export interface DryRunEnvironmentOptions {
  client: ClusterClient;
  environment: string;
  /** The cluster's name, for messages (settings name or kubeconfig context). */
  cluster: string;
  /** The environment's objects at head. */
  objects: readonly ManifestObject[];
  /** Objects at base that head no longer has (see findRemovedObjects). */
  removed?: readonly ManifestObject[];
  /** For namespaced objects without one (the environment's namespace); defaults to the client's. */
  defaultNamespace?: string;
  /** Objects in flight at once (1-64). Default 8 for an API server on this machine, 16 for a remote one. */
  concurrency?: number;
  /** Budget for the whole environment. Default 120 s. */
  timeoutMs?: number;
  /** How long the first request (GET /version) may take before the cluster counts as unreachable. Default 15 s. */
  probeTimeoutMs?: number;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The concurrency for `server` when none is given, bounded to 1-64 when one is. */
export function dryRunConcurrency(server: string, wanted?: number): number {
  if (wanted !== undefined) return Math.min(MAX_DRY_RUN_CONCURRENCY, Math.max(1, Math.floor(wanted)));
  let host = '';
  try {
    host = new URL(server).hostname;
  } catch {
    // no usable URL: the probe reports it
  }
  return LOOPBACK.test(host) ? DEFAULT_DRY_RUN_CONCURRENCY : REMOTE_DRY_RUN_CONCURRENCY;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function budgetError(timeoutMs: number): DryRunError {
  return { reason: 'Timeout', message: `not checked: the cluster did not answer within the ${seconds(timeoutMs)} budget of this environment` };
}

async function probe(client: ClusterClient, cluster: string, signal: AbortSignal, timeoutMs: number): Promise<string | undefined> {
  const probeSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  try {
    await client.version({ signal: probeSignal });
    return undefined;
  } catch (err: unknown) {
    const detail = probeSignal.aborted ? `no answer within ${seconds(timeoutMs)}` : toDryRunError(err).message;
    return `cluster ${cluster} (${client.server || 'no server'}) could not be reached: ${detail}`;
  }
}

export async function dryRunEnvironment(options: DryRunEnvironmentOptions): Promise<EnvironmentDryRun> {
  const { client, environment, cluster } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DRY_RUN_TIMEOUT_MS;
  const result: EnvironmentDryRun = { environment, cluster, applied: [], removed: [] };
  const budget = new AbortController();
  // Every request in flight listens on the budget's signal.
  setMaxListeners(0, budget.signal);
  const timer = setTimeout(() => budget.abort(), timeoutMs);
  try {
    const probeMs = Math.min(options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS, timeoutMs);
    const unreachable = await probe(client, cluster, budget.signal, probeMs);
    if (unreachable) return { ...result, unreachable: { message: unreachable } };
    const base: DryRunObjectContext = { client, defaultNamespace: options.defaultNamespace ?? client.defaultNamespace, signal: budget.signal };
    const limit = dryRunConcurrency(client.server, options.concurrency);
    const ctx: DryRunObjectContext = { ...base, knownLive: await prefetchLive(base, [...options.objects, ...(options.removed ?? [])], limit) };
    const shouldStart = (): boolean => !budget.signal.aborted;
    const [applied, removed] = await Promise.all([
      mapBounded(options.objects, (o) => dryRunObject(ctx, o), {
        limit,
        shouldStart,
        skipped: (object): DryRunOutcome => ({ object, ref: bareRef(object), live: null, error: budgetError(timeoutMs) }),
      }),
      mapBounded(options.removed ?? [], (o) => readRemovedObject(ctx, o), {
        limit,
        shouldStart,
        skipped: (object): RemovedOutcome => ({ object, ref: bareRef(object), error: budgetError(timeoutMs) }),
      }),
    ]);
    const late = <T extends { error?: DryRunError }>(o: T): T => (o.error?.reason === 'Aborted' ? { ...o, error: budgetError(timeoutMs) } : o);
    const outcomes = { applied: applied.map(late), removed: removed.map(late) };
    const all = [...outcomes.applied, ...outcomes.removed];
    if (budget.signal.aborted && all.length > 0 && all.every((o) => o.error?.reason === 'Timeout')) {
      return { ...result, ...outcomes, unreachable: { message: `cluster ${cluster}: ${budgetError(timeoutMs).message}` } };
    }
    return { ...result, ...outcomes };
  } finally {
    clearTimeout(timer);
  }
}
