// Keeps syncs of one environment in commit order across replicas. The Lease
// lets one sync run at a time, but in the order the replicas happen to get
// it, so a replica that waited with an older commit could apply it after a
// newer one. Under the Lease, before anything is applied, the commit the
// ApplySet parent records as last synced is compared with this one: when
// this commit is an ancestor of it, the environment already runs a state
// that contains this commit, and the sync ends as superseded. The cluster
// side cannot ask GitHub itself, so the app passes in the question
// (isAncestor, from its GitHub port).
import type { ClusterClient } from '../cluster/index.js';
import { KUBEGATE_REPOSITORY_ANNOTATION } from './applyset-keys.js';
import type { ApplySetParent } from './applyset-parent.js';
import { liveRevision } from './parent-record.js';

/** `ancestor` is an ancestor of `descendant` in the repository's history. */
export type IsAncestor = (ancestor: string, descendant: string) => Promise<boolean>;

export interface NewerRevisionQuery {
  client: ClusterClient;
  parent: ApplySetParent;
  /** "owner/name": a revision another repository recorded cannot be compared. */
  repository: string;
  sha: string;
  isAncestor: IsAncestor;
  signal?: AbortSignal;
}

/** The newer commit the environment already runs, when this one is older; else undefined. */
export async function findNewerRevision(query: NewerRevisionQuery): Promise<string | undefined> {
  const live = await query.client.find(query.parent.ref, query.signal ? { signal: query.signal } : undefined);
  const recorded = liveRevision(live);
  if (recorded === undefined || recorded === query.sha) return undefined;
  if (live?.metadata.annotations?.[KUBEGATE_REPOSITORY_ANNOTATION] !== query.repository) return undefined;
  try {
    return (await query.isAncestor(query.sha, recorded)) ? recorded : undefined;
  } catch (error: unknown) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`could not tell whether ${query.sha.slice(0, 7)} is older than ${recorded.slice(0, 7)}, the commit last synced there (${query.parent.ref.namespace}/${query.parent.ref.name}): ${why}`, { cause: error });
  }
}
