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

export const DEFAULT_DRY_RUN_CONCURRENCY = 8;
export const DEFAULT_DRY_RUN_TIMEOUT_MS = 120_000;
const PROBE_TIMEOUT_MS = 15_000;

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
  /** Objects in flight at once (each is two requests). Default 8. */
  concurrency?: number;
  /** Budget for the whole environment. Default 120 s. */
  timeoutMs?: number;
}

function budgetError(timeoutMs: number): DryRunError {
  return { reason: 'Timeout', message: `not checked: the cluster did not answer within the ${Math.round(timeoutMs / 1000)} s budget of this environment` };
}

async function probe(client: ClusterClient, cluster: string, signal: AbortSignal): Promise<string | undefined> {
  const probeSignal = AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]);
  try {
    await client.version({ signal: probeSignal });
    return undefined;
  } catch (err: unknown) {
    const detail = probeSignal.aborted ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : toDryRunError(err).message;
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
    const unreachable = await probe(client, cluster, budget.signal);
    if (unreachable) return { ...result, unreachable: { message: unreachable } };
    const ctx: DryRunObjectContext = { client, defaultNamespace: options.defaultNamespace ?? client.defaultNamespace, signal: budget.signal };
    const limit = options.concurrency ?? DEFAULT_DRY_RUN_CONCURRENCY;
    const shouldStart = (): boolean => !budget.signal.aborted;
    const late = (outcome: { error?: DryRunError }): boolean => outcome.error?.reason === 'Aborted';
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
    const fix = <T extends { error?: DryRunError }>(o: T): T => (late(o) ? { ...o, error: budgetError(timeoutMs) } : o);
    const outcomes = { applied: applied.map(fix), removed: removed.map(fix) };
    const nothingAnswered = [...outcomes.applied, ...outcomes.removed].every((o) => o.error?.reason === 'Timeout');
    if (budget.signal.aborted && nothingAnswered) return { ...result, ...outcomes, unreachable: { message: budgetError(timeoutMs).message } };
    return { ...result, ...outcomes };
  } finally {
    clearTimeout(timer);
  }
}
