// flux mode: what `flux reconcile kustomization --with-source` does. Annotate
// the GitRepository, then the Kustomization, with
// reconcile.fluxcd.io/requestedAt=<now> (merge patch) and wait for each until
// status.lastHandledReconcileAt equals it and its Ready condition is True.
import type { ClusterClient, KubeObject, ObjectRef } from '../../cluster/index.js';
import type { SyncResult } from '../types.js';

export const REQUESTED_AT_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
export const KUSTOMIZATION_API = 'kustomize.toolkit.fluxcd.io/v1';
export const GIT_REPOSITORY_API = 'source.toolkit.fluxcd.io/v1';

export interface FluxSyncOptions {
  client: ClusterClient;
  environment: string;
  cluster: string;
  kustomization: string;
  /** Default: the Kustomization's spec.sourceRef (a GitRepository). */
  gitRepository?: string;
  /** Default flux-system. */
  namespace?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

class FluxError extends Error {
  override readonly name = 'FluxError';
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

function status(object: KubeObject): { handled?: unknown; ready?: Condition; revision?: unknown } {
  const s = (object.status ?? {}) as { lastHandledReconcileAt?: unknown; conditions?: Condition[]; lastAppliedRevision?: unknown; artifact?: { revision?: unknown } };
  return { handled: s.lastHandledReconcileAt, ready: s.conditions?.find((c) => c.type === 'Ready'), revision: s.lastAppliedRevision ?? s.artifact?.revision };
}

async function reconcile(options: FluxSyncOptions, ref: ObjectRef, requestedAt: string, deadline: number): Promise<KubeObject> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const signal = options.signal ? { signal: options.signal } : {};
  await options.client.patch({ ref, patch: { metadata: { annotations: { [REQUESTED_AT_ANNOTATION]: requestedAt } } }, ...signal });
  for (let pause = options.pollMs ?? 500; ; pause = Math.min(pause * 2, 5_000)) {
    const live = await options.client.get(ref, signal);
    const { handled, ready } = status(live);
    if (handled === requestedAt && ready?.status === 'True') return live;
    if (handled === requestedAt && ready?.status === 'False' && !/Progressing/.test(ready.reason ?? '')) {
      throw new FluxError(`${ref.kind} ${ref.namespace}/${ref.name} is not Ready: ${ready.reason ?? ''}: ${ready.message ?? ''}`);
    }
    if (now() + pause > deadline) {
      const where = handled === requestedAt ? `Ready is ${ready?.status ?? 'unknown'}${ready?.message ? ` (${ready.message})` : ''}` : 'the controller has not handled the request';
      throw new FluxError(`${ref.kind} ${ref.namespace}/${ref.name} did not reconcile within ${Math.round(options.timeoutMs / 1000)} s: ${where}`);
    }
    await sleep(pause);
  }
}

export async function syncWithFlux(options: FluxSyncOptions): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const deadline = started + options.timeoutMs;
  const namespace = options.namespace ?? 'flux-system';
  const details: string[] = [];
  const result = (status: SyncResult['status'], reason: string): SyncResult =>
    ({ environment: options.environment, cluster: options.cluster, mode: 'flux', status, reason, objects: [], unhealthy: [], details, durationMs: now() - started });
  try {
    const kustomizationRef = { apiVersion: KUSTOMIZATION_API, kind: 'Kustomization', name: options.kustomization, namespace };
    const kustomization = await options.client.get(kustomizationRef);
    const sourceRef = ((kustomization.spec ?? {}) as { sourceRef?: { kind?: string; name?: string; namespace?: string } }).sourceRef;
    const sourceName = options.gitRepository ?? (sourceRef?.kind === 'GitRepository' ? sourceRef.name : undefined);
    if (sourceName === undefined) throw new FluxError(`Kustomization ${namespace}/${options.kustomization} does not read a GitRepository; name one in sync.flux.gitRepository`);
    const sourceNamespace = options.gitRepository === undefined ? (sourceRef?.namespace ?? namespace) : namespace;
    // 1. The source first, so the Kustomization sees the merged commit.
    const requestedAt = new Date(now()).toISOString();
    const source = await reconcile(options, { apiVersion: GIT_REPOSITORY_API, kind: 'GitRepository', name: sourceName, namespace: sourceNamespace }, requestedAt, deadline);
    details.push(`GitRepository ${sourceNamespace}/${sourceName}: revision ${String(status(source).revision ?? 'unknown')}`);
    // 2. Then the Kustomization.
    const applied = await reconcile(options, kustomizationRef, requestedAt, deadline);
    details.push(`Kustomization ${namespace}/${options.kustomization}: applied revision ${String(status(applied).revision ?? 'unknown')}`);
    return result('succeeded', `Flux reconciled Kustomization ${namespace}/${options.kustomization} (revision ${String(status(applied).revision ?? 'unknown')})`);
  } catch (err: unknown) {
    return result('failed', err instanceof Error ? err.message : String(err));
  }
}
