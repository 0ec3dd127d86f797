// What the sync after merge does with an object removed from Git, decided as
// the sync decides it: apply mode with sync.prune deletes the members of the
// environment's ApplySet (objects labelled applyset.kubernetes.io/part-of=<id>,
// in sync.namespaces when that is set); every other object stays in the
// cluster, and the note says why. Pure: the caller passes the resolved sync
// settings and the namespace of the ApplySet's parent (the environment's
// namespace, else the cluster context's), so the id is the sync's own.
import { APPLYSET_PART_OF_LABEL } from '../sync/applyset-keys.js';
import { applySetParent } from '../sync/applyset-parent.js';
import type { JsonObject, RemovalPolicy, ResolvedRef, SyncRemovalSettings } from './types.js';

export interface ApplySetLocation {
  environment: string;
  /** Where the sync keeps the parent: the environment's namespace, else the cluster context's. */
  namespace: string;
}

function keepReason(sync: SyncRemovalSettings): string {
  if (!sync.enabled) return 'the environment is not synced (no sync.mode), so nothing deletes it';
  switch (sync.mode) {
    case 'apply':
      return 'sync.prune is off, so the sync after merge leaves it';
    case 'argocd':
      return `sync.mode is argocd: Argo CD's prune settings decide whether it is deleted (kubegate asks for a sync with prune: ${String(sync.prune)})`;
    case 'flux':
      return "sync.mode is flux: the Flux Kustomization's spec.prune decides whether it is deleted";
    case 'none':
      return 'sync.mode is none: the sync after merge changes nothing in the cluster';
  }
}

export function decideRemovalPolicy(sync: SyncRemovalSettings, applySet: ApplySetLocation): RemovalPolicy {
  if (!sync.enabled || sync.mode !== 'apply' || !sync.prune) return { prune: false, reason: keepReason(sync) };
  const { id } = applySetParent(applySet.environment, applySet.namespace);
  return { prune: true, applySetId: id, ...(sync.namespaces ? { namespaces: sync.namespaces } : {}) };
}

function partOfLabel(live: JsonObject): string | undefined {
  const metadata = live.metadata as { labels?: Record<string, unknown> } | undefined;
  const value = metadata?.labels?.[APPLYSET_PART_OF_LABEL];
  return typeof value === 'string' ? value : undefined;
}

/** The sync's allow-list rule: namespaced objects by namespace, cluster-scoped ones only when they are a listed Namespace. */
function inNamespaces(ref: ResolvedRef, namespaces: readonly string[]): boolean {
  if (ref.namespace !== undefined) return namespaces.includes(ref.namespace);
  return ref.group === '' && ref.kind === 'Namespace' && namespaces.includes(ref.name);
}

/** Why the sync leaves this live object in the cluster; undefined when its prune deletes it. */
export function whyKept(policy: RemovalPolicy, live: JsonObject, ref: ResolvedRef): string | undefined {
  if (!policy.prune) return policy.reason;
  const partOf = partOfLabel(live);
  if (partOf === undefined) return `not a member of this environment's ApplySet (no ${APPLYSET_PART_OF_LABEL} label), so the sync's prune leaves it`;
  if (partOf !== policy.applySetId) return `a member of another ApplySet (${APPLYSET_PART_OF_LABEL}=${partOf}), so this environment's prune leaves it`;
  if (policy.namespaces && !inNamespaces(ref, policy.namespaces)) return "outside sync.namespaces, so the sync's prune leaves it";
  return undefined;
}
