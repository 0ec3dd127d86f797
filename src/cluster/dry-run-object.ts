// One object's preview: which resource serves it (discovery), then, in
// parallel, the server-side apply with dryRun=All (field manager kubegate,
// force, as the sync does) and the live object (null when missing). A refusal
// is an outcome carrying the server's words, not an exception.
import type { ManifestObject } from '../core/types.js';
import { splitApiVersion } from '../diff/object-names.js';
import type { DryRunError, DryRunOutcome, JsonObject, RemovedOutcome, ResolvedRef } from '../diff/types.js';
import type { ClusterClient } from './cluster-client.js';
import { ClusterError } from './cluster-error.js';
import type { KubeObject, ObjectRef } from './kube-object.js';

export interface DryRunObjectContext {
  client: ClusterClient;
  /** For namespaced objects without a namespace. */
  defaultNamespace: string;
  signal?: AbortSignal;
  /** Live objects read in bulk beforehand (see prefetch-live.ts). */
  knownLive?: (object: ManifestObject, ref: ResolvedRef) => Promise<JsonObject | null | undefined>;
}

export function toDryRunError(err: unknown): DryRunError {
  if (err instanceof ClusterError) {
    return {
      message: err.serverMessage ?? err.message,
      ...(err.reason === undefined ? {} : { reason: err.reason }),
      ...(err.status === undefined ? {} : { status: err.status }),
    };
  }
  return { message: err instanceof Error ? err.message : String(err) };
}

export function bareRef(object: ManifestObject): ResolvedRef {
  const { group, version } = splitApiVersion(object.apiVersion);
  return { group, version, kind: object.kind, name: object.name, ...(object.namespace ? { namespace: object.namespace } : {}) };
}

export async function resolveRef(ctx: DryRunObjectContext, object: ManifestObject): Promise<ResolvedRef> {
  const resource = await ctx.client.resource(object.apiVersion, object.kind);
  const { namespace: _ignored, ...rest } = bareRef(object);
  if (!resource.namespaced) return { ...rest, namespaced: false };
  return { ...rest, namespaced: true, namespace: object.namespace ?? ctx.defaultNamespace };
}

function objectRef(object: ManifestObject, ref: ResolvedRef): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) };
}

function bodyFor(object: ManifestObject, ref: ResolvedRef): KubeObject {
  const body = object.body as KubeObject;
  if (ref.namespace === undefined || body.metadata?.namespace === ref.namespace) return body;
  return { ...body, metadata: { ...body.metadata, namespace: ref.namespace } };
}

function signalOption(ctx: DryRunObjectContext): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}

async function readLive(ctx: DryRunObjectContext, object: ManifestObject, ref: ResolvedRef): Promise<JsonObject | null> {
  const known = await ctx.knownLive?.(object, ref);
  if (known !== undefined) return known;
  return (await ctx.client.find(objectRef(object, ref), signalOption(ctx))) as JsonObject | null;
}

export async function dryRunObject(ctx: DryRunObjectContext, object: ManifestObject): Promise<DryRunOutcome> {
  let ref: ResolvedRef;
  try {
    ref = await resolveRef(ctx, object);
  } catch (err: unknown) {
    return { object, ref: bareRef(object), live: null, error: toDryRunError(err) };
  }
  const [merged, live] = await Promise.allSettled([
    ctx.client.apply({ object: bodyFor(object, ref), dryRun: true, force: true, ...signalOption(ctx) }),
    readLive(ctx, object, ref),
  ]);
  const liveObject = live.status === 'fulfilled' ? live.value : null;
  if (merged.status === 'rejected') return { object, ref, live: liveObject, error: toDryRunError(merged.reason) };
  if (live.status === 'rejected') return { object, ref, live: null, error: toDryRunError(live.reason) };
  return { object, ref, live: liveObject, merged: merged.value as JsonObject };
}

/** An object gone from Git: is it still in the cluster? */
export async function readRemovedObject(ctx: DryRunObjectContext, object: ManifestObject): Promise<RemovedOutcome> {
  try {
    const ref = await resolveRef(ctx, object);
    return { object, ref, live: await readLive(ctx, object, ref) };
  } catch (err: unknown) {
    return { object, ref: bareRef(object), error: toDryRunError(err) };
  }
}
