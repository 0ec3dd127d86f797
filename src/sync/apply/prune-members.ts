// Deletes ApplySet members that are no longer in Git: for each group-kind and
// namespace the parent records (old and new), list the objects labelled
// part-of=<id> and delete those the environment no longer has, namespaced
// objects before Namespaces (reverse apply order). Only labelled members are
// ever listed, so objects outside the set are never touched. A preview sends
// the same deletes with dryRun=All.
import { listLabelledKind, mapBounded, type ClusterClient } from '../../cluster/index.js';
import { compareApplyOrder } from '../../diff/apply-order.js';
import { objectKey } from '../../diff/object-names.js';
import type { ResolvedRef } from '../../diff/types.js';
import { APPLYSET_PART_OF_LABEL } from '../applyset-keys.js';
import type { ApplySetParent, ApplySetScope } from '../applyset-parent.js';
import { parseGroupKind } from '../group-kind.js';
import { toObjectRef } from '../object-ref.js';
import type { SyncedObject } from '../types.js';

export interface PruneOptions {
  client: ClusterClient;
  parent: ApplySetParent;
  /** What the parent records before the prune: old and new members' kinds and namespaces. */
  scope: ApplySetScope;
  /** objectKey of every object the environment has now. */
  desired: ReadonlySet<string>;
  /** apiVersion per "Kind.group" of the objects in Git (others: the server's preferred version). */
  versions: ReadonlyMap<string, string>;
  allowedNamespaces?: readonly string[];
  concurrency: number;
  signal: AbortSignal;
  /** Delete with dryRun=All: the server checks each delete and removes nothing. */
  dryRun?: boolean;
}

interface Candidate {
  ref: ResolvedRef;
  uid: string | undefined;
}

function allowed(ref: ResolvedRef, list: readonly string[] | undefined): boolean {
  if (list === undefined) return true;
  return ref.namespace !== undefined ? list.includes(ref.namespace) : ref.group === '' && ref.kind === 'Namespace' && list.includes(ref.name);
}

async function listKind(options: PruneOptions, groupKind: string): Promise<Candidate[]> {
  const { group, kind } = parseGroupKind(groupKind);
  const apiVersion = options.versions.get(groupKind);
  const members = await listLabelledKind(options.client, {
    group,
    kind,
    ...(apiVersion === undefined ? {} : { apiVersion }),
    namespaces: options.scope.namespaces,
    labelSelector: `${APPLYSET_PART_OF_LABEL}=${options.parent.id}`,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return members.map(({ ref, live }) => ({ ref, uid: live.metadata.uid }));
}

export async function pruneMembers(options: PruneOptions): Promise<SyncedObject[]> {
  const found = (await Promise.all([...options.scope.groupKinds].map((gk) => listKind(options, gk)))).flat();
  const stale = found
    .filter((c) => !options.desired.has(objectKey(c.ref)) && allowed(c.ref, options.allowedNamespaces))
    .sort((a, b) => compareApplyOrder(b.ref, a.ref));
  const results: SyncedObject[] = [];
  // Reverse apply order, one kind at a time: namespaced objects go before their Namespace.
  for (const kind of [...new Set(stale.map((c) => `${c.ref.group}/${c.ref.kind}`))]) {
    const batch = stale.filter((c) => `${c.ref.group}/${c.ref.kind}` === kind);
    results.push(
      ...(await mapBounded(
        batch,
        async (c): Promise<SyncedObject> => {
          try {
            await options.client.delete({ ref: toObjectRef(c.ref), propagationPolicy: 'Background', ...(c.uid ? { uid: c.uid } : {}), ...(options.dryRun ? { dryRun: true } : {}) });
            return { ref: c.ref, action: 'pruned' };
          } catch (err: unknown) {
            return { ref: c.ref, action: 'failed', message: `could not prune: ${err instanceof Error ? err.message : String(err)}` };
          }
        },
        { limit: options.concurrency },
      )),
    );
  }
  return results;
}
