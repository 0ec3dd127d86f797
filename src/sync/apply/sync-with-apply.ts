// Apply mode: brings one environment's cluster to the objects rendered from
// Git, as numbered steps. Nothing is applied when a foreseeable error shows
// (a dry-run refusal, a namespace outside the allow-list, another tool's
// ApplySet). The ApplySet parent records the old and the new members' kinds
// and namespaces before anything is applied, so an interrupted sync leaks
// nothing a later prune would miss. Cluster faults are part of the result.
// A dry run (`kubegate sync --dry-run`) takes the same steps up to the first
// write, then reports what each object and prune would do: nothing is written.
import { setMaxListeners } from 'node:events';
import { dryRunEnvironment, type ClusterClient } from '../../cluster/index.js';
import type { ManifestObject } from '../../core/types.js';
import { buildEnvironmentDiff } from '../../diff/build-environment-diff.js';
import { objectKey } from '../../diff/object-names.js';
import { applySetParent, buildParentObject, foreignParent, readParentScope, unionScope, type ApplySetParent, type ApplySetScope } from '../applyset-parent.js';
import { describeFailure, describeSynced, describeUnhealthy } from '../describe-sync.js';
import { formatGroupKind } from '../group-kind.js';
import { assessorFor } from '../health/assess-health.js';
import { waitForHealth, type HealthTarget } from '../health/wait-for-health.js';
import { liveRevision, recordAnnotations, withLiveInstallation, type SyncRecord } from '../parent-record.js';
import { toolingId } from '../tooling.js';
import type { SyncedObject, SyncResult, UnhealthyObject } from '../types.js';
import { applyGroup, previewAll, skipAll, type ApplyContext } from './apply-planned.js';
import { labelMembers } from './label-members.js';
import { planApply, type ApplyPlan, type PlannedObject } from './plan-apply.js';
import { pruneMembers } from './prune-members.js';

export interface ApplySyncOptions {
  client: ClusterClient;
  environment: string;
  cluster: string;
  /** Every object the environment has at the commit (not only the changed ones). */
  objects: readonly ManifestObject[];
  /** The environment's namespace: for objects that name none, and where the ApplySet parent lives. */
  namespace?: string;
  prune: boolean;
  recreate: boolean;
  waitForRollout: boolean;
  timeoutMs: number;
  allowedNamespaces?: readonly string[];
  /** Objects in flight at once (default 16). */
  concurrency?: number;
  /** Stops the sync (the Lease was lost). */
  signal?: AbortSignal;
  tooling?: string;
  /** Recorded on the parent (repository, installation; the revision once the sync succeeded). */
  record?: SyncRecord;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The preview: dry-run every object (and every prune), write nothing. */
  dryRun?: boolean;
}

const DEFAULT_CONCURRENCY = 16;

class SyncStop extends Error {
  constructor(readonly status: 'refused' | 'failed', readonly reason: string, readonly objects: SyncedObject[], readonly unhealthy: UnhealthyObject[] = []) {
    super(reason);
  }
}

export async function syncWithApply(options: ApplySyncOptions): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const budget = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])]);
  setMaxListeners(0, budget);
  const parent = applySetParent(options.environment, options.namespace ?? options.client.defaultNamespace);
  const base = {
    environment: options.environment,
    cluster: options.cluster,
    mode: 'apply' as const,
    applySet: { id: parent.id, parent: `Secret ${parent.ref.namespace}/${parent.ref.name}` },
    ...(options.dryRun ? { dryRun: true as const } : {}),
  };
  const done = (status: SyncResult['status'], reason: string, objects: SyncedObject[], unhealthy: UnhealthyObject[] = []): SyncResult =>
    ({ ...base, status, reason, objects, unhealthy, durationMs: now() - started });
  try {
    const run = await runSteps(options, parent, budget, started + options.timeoutMs);
    return done(run.unhealthy.length > 0 ? 'failed' : 'succeeded', run.reason, run.objects, run.unhealthy);
  } catch (err: unknown) {
    if (err instanceof SyncStop) return done(err.status, err.reason, err.objects, err.unhealthy);
    const lost = options.signal?.aborted ? `it was cancelled (${String(options.signal.reason instanceof Error ? options.signal.reason.message : options.signal.reason)})` : undefined;
    const why = lost ?? (budget.aborted ? `the sync did not finish within ${Math.round(options.timeoutMs / 1000)} s` : err instanceof Error ? err.message : String(err));
    return done('failed', `the sync stopped: ${why}`, []);
  }
}

interface StepsResult {
  reason: string;
  objects: SyncedObject[];
  unhealthy: UnhealthyObject[];
}

async function runSteps(options: ApplySyncOptions, parent: ApplySetParent, signal: AbortSignal, deadline: number): Promise<StepsResult> {
  const { client } = options;
  const ctx: ApplyContext = {
    client,
    defaultNamespace: parent.ref.namespace,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    signal,
    ...(options.allowedNamespaces ? { allowedNamespaces: options.allowedNamespaces } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  // 1. Every object carries the set's membership label; dry-run them all at once.
  const plan = await dryRunPlan(options, parent, deadline);
  // 2. The parent: not another tool's set; it records old and new members before anything is applied.
  const live = await client.find(parent.ref, { signal });
  const foreign = foreignParent(parent, live);
  if (foreign) throw new SyncStop('refused', `nothing applied: ${foreign}`, skipAll([plan.foundation, ...plan.groups]));
  const wanted: ApplySetScope = { groupKinds: plan.scope.groupKinds, namespaces: new Set([...plan.scope.namespaces, parent.ref.namespace]) };
  const recorded = unionScope(readParentScope(parent, live), wanted);
  if (options.dryRun) return previewSteps(options, ctx, plan, parent, recorded);
  const results: SyncedObject[] = [];
  const parentNamespace = plan.foundation.filter((o) => o.ref.kind === 'Namespace' && o.ref.name === parent.ref.namespace);
  results.push(...(await applyOrStop(ctx, parentNamespace, results, plan)));
  const record = options.record && withLiveInstallation(options.record, live);
  const extra = (revision: string | undefined): Record<string, string> => (record ? recordAnnotations(record, options.environment, revision) : {});
  await client.apply({ object: buildParentObject(parent, options.tooling ?? toolingId(), recorded, extra(liveRevision(live))), signal });
  // 3. Namespaces and CRDs, then wait until they are Active / Established.
  const foundation = plan.foundation.filter((o) => !parentNamespace.includes(o));
  results.push(...(await applyOrStop(ctx, foundation, results, plan)));
  const settling = await waitForHealth(targets(plan.foundation, false), { client, deadline, signal, ...(options.sleep ? { sleep: options.sleep } : {}) });
  if (settling.length > 0) throw new SyncStop('failed', `stopped before the other objects: ${describeUnhealthy(settling)}`, [...results, ...skipAll(plan.groups)], settling);
  // 4. The rest, one kind at a time in apply order.
  for (const group of plan.groups) results.push(...(await applyOrStop(ctx, group, results, plan)));
  // 5. Prune members no longer in Git; then the parent records only what the set holds.
  if (options.prune) {
    const pruned = await pruneStale(ctx, plan, parent, recorded, results);
    results.push(...pruned);
    const failed = pruned.filter((p) => p.action === 'failed');
    if (failed.length > 0) throw new SyncStop('failed', `applied, but ${failed.length} objects could not be pruned: ${describeFailure(failed[0] as SyncedObject)}`, results);
    await client.apply({ object: buildParentObject(parent, options.tooling ?? toolingId(), wanted, extra(liveRevision(live))), signal });
  }
  // 6. Health: rollouts (unless waitForRollout is false), Jobs, claims.
  const unhealthy = options.waitForRollout ? await waitForHealth(targets(planned(plan), true), { client, deadline, signal, ...(options.sleep ? { sleep: options.sleep } : {}) }) : [];
  // 7. Only a successful sync moves the parent's revision (what a restarted app watches).
  if (record && unhealthy.length === 0) await client.apply({ object: buildParentObject(parent, options.tooling ?? toolingId(), options.prune ? wanted : recorded, extra(record.revision)), signal });
  const summary = describeSynced(results);
  return { objects: results, unhealthy, reason: unhealthy.length > 0 ? `${summary}; ${unhealthy.length} not healthy: ${describeUnhealthy(unhealthy)}` : summary };
}

/** The preview: what applying would do to each object, and the prunes sent with dryRun=All. */
async function previewSteps(options: ApplySyncOptions, ctx: ApplyContext, plan: ApplyPlan, parent: ApplySetParent, recorded: ApplySetScope): Promise<StepsResult> {
  const results = previewAll(planned(plan));
  if (options.prune) results.push(...(await pruneStale(ctx, plan, parent, recorded, results, true)));
  const failed = results.filter((o) => o.action === 'failed');
  const summary = describeSynced(results);
  if (failed.length > 0) throw new SyncStop('refused', `dry run: ${failed.length} objects could not be pruned (${describeFailure(failed[0] as SyncedObject)}); ${summary}`, results);
  return { objects: results, unhealthy: [], reason: `dry run, nothing written: ${summary}` };
}

/** Deletes (or, for a preview, dry-runs the delete of) the ApplySet's members that `kept` no longer has. */
function pruneStale(ctx: ApplyContext, plan: ApplyPlan, parent: ApplySetParent, scope: ApplySetScope, kept: readonly SyncedObject[], dryRun = false): Promise<SyncedObject[]> {
  return pruneMembers({
    client: ctx.client,
    parent,
    scope,
    desired: new Set(kept.map((o) => objectKey(o.ref))),
    versions: versionsOf(plan),
    signal: ctx.signal,
    concurrency: ctx.concurrency,
    dryRun,
    ...(ctx.allowedNamespaces ? { allowedNamespaces: ctx.allowedNamespaces } : {}),
  });
}

async function dryRunPlan(options: ApplySyncOptions, parent: ApplySetParent, deadline: number): Promise<ApplyPlan> {
  const now = options.now ?? Date.now;
  const members = labelMembers(options.objects, parent.id);
  const dryRun = await dryRunEnvironment({
    client: options.client,
    environment: options.environment,
    cluster: options.cluster,
    objects: members,
    defaultNamespace: parent.ref.namespace,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutMs: Math.max(1, deadline - now()),
  });
  if (dryRun.unreachable) throw new SyncStop('refused', `nothing applied: ${dryRun.unreachable.message}`, []);
  const plan = planApply(dryRun.applied, buildEnvironmentDiff(dryRun), {
    recreate: options.recreate,
    ...(options.allowedNamespaces ? { allowedNamespaces: options.allowedNamespaces } : {}),
  });
  const allowed = options.allowedNamespaces;
  if (allowed && !allowed.includes(parent.ref.namespace)) {
    throw new SyncStop('refused', `nothing applied: the ApplySet parent's namespace "${parent.ref.namespace}" (the environment's namespace) is not in sync.namespaces`, skipAll([plan.foundation, ...plan.groups]));
  }
  if (plan.refusals.length > 0) {
    const first = describeFailure(plan.refusals[0] as SyncedObject);
    throw new SyncStop('refused', `nothing applied: ${plan.refusals.length} of ${options.objects.length} objects refused before the apply (${first})`, [...plan.refusals, ...skipAll([plan.foundation, ...plan.groups])]);
  }
  return plan;
}

/** Applies a group; on a failure, stops the sync with everything so far and the rest skipped. */
async function applyOrStop(ctx: ApplyContext, group: readonly PlannedObject[], soFar: readonly SyncedObject[], plan: ApplyPlan): Promise<SyncedObject[]> {
  if (group.length === 0) return [];
  const results = await applyGroup(ctx, group);
  const failed = results.filter((r) => r.action === 'failed');
  if (failed.length === 0) return results;
  const done = new Set([...soFar, ...results].map((r) => objectKey(r.ref)));
  const rest = skipAll([plan.foundation, ...plan.groups]).filter((r) => !done.has(objectKey(r.ref)));
  const applied = [...soFar, ...results].filter((r) => r.action !== 'failed' && r.action !== 'skipped').length;
  throw new SyncStop('failed', `failed after applying ${applied} objects: ${describeFailure(failed[0] as SyncedObject)}`, [...soFar, ...results, ...rest]);
}

function planned(plan: ApplyPlan): PlannedObject[] {
  return [...plan.foundation, ...plan.groups.flat()];
}

function versionsOf(plan: ApplyPlan): Map<string, string> {
  return new Map(planned(plan).map((o) => [formatGroupKind(o.ref), o.object.apiVersion]));
}

function targets(objects: readonly PlannedObject[], rollouts: boolean): HealthTarget[] {
  return objects.flatMap((o) => {
    const assess = assessorFor(o.ref.group, o.ref.kind, rollouts);
    return assess ? [{ ref: o.ref, assess }] : [];
  });
}
