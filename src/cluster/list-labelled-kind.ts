// Every object of one group-kind that carries a label, in the given
// namespaces (or cluster-wide for cluster-scoped kinds), with its resolved
// ref: how ApplySet members are found (the sync's prune, `kubegate diff
// --env`). A kind the server no longer serves (its CRD removed) has none.
import { splitApiVersion } from '../diff/object-names.js';
import type { ResolvedRef } from '../diff/types.js';
import type { ClusterClient } from './cluster-client.js';
import { ClusterError } from './cluster-error.js';
import type { KubeObject } from './kube-object.js';

export interface LabelledKindQuery {
  group: string;
  kind: string;
  /** The version to read (the one Git uses); default: the server's preferred version of the group. */
  apiVersion?: string;
  /** For namespaced kinds. */
  namespaces: Iterable<string>;
  /** "key=value". */
  labelSelector: string;
  signal?: AbortSignal;
}

export interface LabelledObject {
  ref: ResolvedRef;
  live: KubeObject;
}

export async function listLabelledKind(client: ClusterClient, query: LabelledKindQuery): Promise<LabelledObject[]> {
  const { group, kind, labelSelector } = query;
  const apiVersion = query.apiVersion ?? (await client.preferredVersion(group));
  let namespaced: boolean;
  try {
    namespaced = (await client.resource(apiVersion, kind)).namespaced;
  } catch (err: unknown) {
    if (err instanceof ClusterError && err.reason === 'UnknownKind') return [];
    throw err;
  }
  const read = (namespace?: string): Promise<KubeObject[]> =>
    client.list({ apiVersion, kind, labelSelector, ...(query.signal ? { signal: query.signal } : {}), ...(namespace === undefined ? {} : { namespace }) });
  const lists = namespaced ? await Promise.all([...query.namespaces].map((ns) => read(ns))) : [await read()];
  const { version } = splitApiVersion(apiVersion);
  return lists.flat().map((live) => ({
    ref: { group, version, kind, name: live.metadata.name ?? '', ...(namespaced ? { namespace: live.metadata.namespace ?? '' } : {}), namespaced },
    live,
  }));
}
