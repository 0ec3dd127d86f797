// `kubegate diff --env NAME` (the environment's whole desired state) in apply
// mode: the members of the environment's ApplySet that the files no longer
// have are the objects removed from Git, what `kubectl diff --prune` shows.
// They are read as the sync's prune reads them: for each group-kind and
// namespace the parent records, the objects labelled part-of=<id>. The
// removal policy (sync.prune) then says whether each is a deletion.
import type { ClusterClient } from '../../cluster/cluster-client.js';
import type { KubeObject } from '../../cluster/kube-object.js';
import { listLabelledKind, type LabelledObject } from '../../cluster/list-labelled-kind.js';
import type { RepoConfig, EnvironmentConfig } from '../../config/types.js';
import type { ManifestObject } from '../../core/types.js';
import { decideRemovalPolicy } from '../../diff/decide-removal.js';
import { objectKey } from '../../diff/object-names.js';
import type { DryRunOutcome, JsonObject, RemovalPolicy, RemovedOutcome, ResolvedRef } from '../../diff/types.js';
import { APPLYSET_PART_OF_LABEL } from '../../sync/applyset-keys.js';
import { applySetParent, foreignParent, readParentScope, type ApplySetParent } from '../../sync/applyset-parent.js';
import { formatGroupKind, parseGroupKind } from '../../sync/group-kind.js';
import { resolveSyncConfig } from '../../sync/resolve-sync-config.js';

export interface RemovedMembers {
  removed: RemovedOutcome[];
  removal: RemovalPolicy;
}

/** A member has no file: it stands for itself, named after its ApplySet's parent. */
function memberObject(parent: ApplySetParent, live: KubeObject, ref: ResolvedRef): ManifestObject {
  const where = { file: `ApplySet ${parent.ref.namespace}/${parent.ref.name}`, line: 1 };
  return {
    apiVersion: live.apiVersion,
    kind: live.kind,
    name: ref.name,
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
    body: live as JsonObject,
    source: where,
    documentIndex: 0,
    lineOf: () => 1,
  };
}

function optionalVersion(apiVersion: string | undefined): { apiVersion?: string } {
  return apiVersion === undefined ? {} : { apiVersion };
}

/** Members of the ApplySet that `applied` (the dry-run of the environment's files) no longer has. */
async function readStaleMembers(client: ClusterClient, parent: ApplySetParent, applied: readonly DryRunOutcome[]): Promise<RemovedOutcome[]> {
  const live = await client.find(parent.ref);
  // No set yet (never synced), or another tool's: the sync would prune nothing.
  if (!live || foreignParent(parent, live) !== undefined) return [];
  const scope = readParentScope(parent, live);
  const versions = new Map(applied.map((o) => [formatGroupKind(o.ref), o.object.apiVersion]));
  const desired = new Set(applied.map((o) => objectKey(o.ref)));
  const labelSelector = `${APPLYSET_PART_OF_LABEL}=${parent.id}`;
  const listKind = (groupKind: string): Promise<LabelledObject[]> =>
    listLabelledKind(client, { ...parseGroupKind(groupKind), ...optionalVersion(versions.get(groupKind)), namespaces: scope.namespaces, labelSelector });
  const found = await Promise.all([...scope.groupKinds].map(listKind));
  return found
    .flat()
    .filter((m) => !desired.has(objectKey(m.ref)))
    .map((m) => ({ object: memberObject(parent, m.live, m.ref), ref: m.ref, live: m.live as JsonObject }));
}

/**
 * The objects removed from Git of an apply-mode environment and what the sync
 * does with them; undefined for other modes (kubegate keeps no ApplySet for them).
 */
export async function readRemovedMembers(client: ClusterClient, env: EnvironmentConfig, config: RepoConfig, applied: readonly DryRunOutcome[]): Promise<RemovedMembers | undefined> {
  const sync = resolveSyncConfig(config, env);
  if (!sync.enabled || sync.mode !== 'apply') return undefined;
  // Where the sync keeps the parent: the environment's namespace, else the context's.
  const applySet = { environment: env.name, namespace: env.namespace ?? client.defaultNamespace };
  const parent = applySetParent(applySet.environment, applySet.namespace);
  try {
    return { removed: await readStaleMembers(client, parent, applied), removal: decideRemovalPolicy(sync, applySet) };
  } catch (err: unknown) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`could not read the members of the environment's ApplySet (Secret ${parent.ref.namespace}/${parent.ref.name}): ${why}`, { cause: err });
  }
}
