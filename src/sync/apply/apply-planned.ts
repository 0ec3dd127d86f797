// Applies planned objects: server-side apply (field manager kubegate, force),
// a group of one kind at a time with a bounded number in flight. An object
// whose dry-run changed nothing is not sent again; a recreate deletes the
// object (this incarnation only) first. A refusal is an outcome, not an
// exception.
import { isNotFound, mapBounded, type ClusterClient, type KubeObject } from '../../cluster/index.js';
import { invalidField } from '../../diff/error-field.js';
import { jsonEqual } from '../../diff/json-equal.js';
import { normalizeObject } from '../../diff/normalize-object.js';
import { scrubText, secretValues } from '../../diff/secret-values.js';
import type { JsonObject } from '../../diff/types.js';
import { toObjectRef } from '../object-ref.js';
import type { SyncAction, SyncedObject } from '../types.js';
import type { PlannedObject } from './plan-apply.js';

export interface ApplyContext {
  client: ClusterClient;
  /** For namespaced objects that name none (the environment's namespace). */
  defaultNamespace: string;
  allowedNamespaces?: readonly string[];
  concurrency: number;
  signal: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

function bodyOf(planned: PlannedObject): KubeObject {
  const body = planned.object.body as KubeObject;
  const namespace = planned.ref.namespace;
  if (namespace === undefined || body.metadata?.namespace === namespace) return body;
  return { ...body, metadata: { ...body.metadata, namespace } };
}

function outcome(planned: PlannedObject, action: SyncAction, extra: Partial<SyncedObject> = {}): SyncedObject {
  return { ref: planned.ref, source: { file: planned.object.source.file, line: planned.object.source.line }, action, predicted: planned.predicted, ...extra };
}

export function failure(planned: PlannedObject, err: unknown): SyncedObject {
  const raw = err instanceof Error ? ((err as { serverMessage?: string }).serverMessage ?? err.message) : String(err);
  const message = scrubText(raw, secretValues(planned.object.body));
  const field = invalidField(message);
  return outcome(planned, 'failed', { message, ...(field === undefined ? {} : { field }) });
}

async function deleteAndWait(ctx: ApplyContext, planned: PlannedObject): Promise<void> {
  const ref = toObjectRef(planned.ref);
  const uid = (planned.live?.metadata as { uid?: unknown } | undefined)?.uid;
  if (typeof uid !== 'string') throw new Error(`${planned.ref.kind} ${planned.ref.name}: the live object has no uid`);
  await ctx.client.delete({ ref, propagationPolicy: 'Background', uid });
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let i = 0; i < 120 && !ctx.signal.aborted; i++) {
    const live = await ctx.client.find(ref, { signal: ctx.signal });
    if (live === null || live.metadata.uid !== uid) return;
    await sleep(250);
  }
  throw new Error(`${planned.ref.kind} ${planned.ref.name} was deleted for recreation but is still there (a finalizer?)`);
}

function changed(live: JsonObject | null, result: KubeObject): SyncAction {
  if (live === null) return 'created';
  return jsonEqual(normalizeObject(live), normalizeObject(result as JsonObject)) ? 'unchanged' : 'configured';
}

/**
 * A custom resource whose CRD this sync creates could not be resolved by the
 * dry-run; now that the CRD is established, it is (namespace and allow-list).
 */
async function resolveLate(ctx: ApplyContext, planned: PlannedObject): Promise<PlannedObject> {
  if (planned.ref.namespaced !== undefined) return planned;
  const resource = await ctx.client.resource(planned.object.apiVersion, planned.object.kind);
  const namespace = resource.namespaced ? (planned.object.namespace ?? ctx.defaultNamespace) : undefined;
  const { namespace: _unresolved, ...rest } = planned.ref;
  const ref = { ...rest, namespaced: resource.namespaced, ...(namespace === undefined ? {} : { namespace }) };
  const allowed = ctx.allowedNamespaces;
  if (allowed && (namespace === undefined || !allowed.includes(namespace))) {
    throw new Error(`${namespace === undefined ? `cluster-scoped ${ref.kind}` : `namespace "${namespace}"`} is outside this environment's sync.namespaces`);
  }
  return { ...planned, ref };
}

export async function applyPlanned(ctx: ApplyContext, unresolved: PlannedObject): Promise<SyncedObject> {
  if (unresolved.noOp) return outcome(unresolved, 'unchanged');
  let planned = unresolved;
  try {
    planned = await resolveLate(ctx, unresolved);
    if (planned.recreate) await deleteAndWait(ctx, planned);
    const result = await ctx.client.apply({ object: bodyOf(planned), force: true, signal: ctx.signal });
    return outcome(planned, planned.recreate ? 'recreated' : changed(planned.live, result));
  } catch (err: unknown) {
    if (planned.recreate && isNotFound(err)) return failure(planned, new Error('the object disappeared while it was recreated'));
    return failure(planned, err);
  }
}

/** Applies one group; once anything failed, objects not started yet are skipped. */
export async function applyGroup(ctx: ApplyContext, group: readonly PlannedObject[]): Promise<SyncedObject[]> {
  let failed = false;
  return mapBounded(
    group,
    async (planned) => {
      const result = await applyPlanned(ctx, planned);
      if (result.action === 'failed') failed = true;
      return result;
    },
    { limit: ctx.concurrency, shouldStart: () => !failed && !ctx.signal.aborted, skipped: (planned) => outcome(planned, 'skipped') },
  );
}

const PREDICTED_ACTION: Record<PlannedObject['predicted'], SyncAction> = { create: 'created', update: 'configured', unchanged: 'unchanged', delete: 'pruned', removed: 'pruned', error: 'failed' };

/** What applying each object would do, from its dry-run (the sync's preview). */
export function previewAll(objects: readonly PlannedObject[]): SyncedObject[] {
  return objects.map((planned) => outcome(planned, planned.recreate ? 'recreated' : PREDICTED_ACTION[planned.predicted]));
}

export function skipAll(groups: readonly (readonly PlannedObject[])[]): SyncedObject[] {
  return groups.flat().map((planned) => outcome(planned, 'skipped'));
}
