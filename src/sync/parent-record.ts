// What kubegate records on its ApplySet parents besides the specification's
// keys: the repository, environment, installation and deployed revision, so a
// restarted app can find what to watch from the cluster alone. The revision
// moves only at the end of a successful apply-mode sync.
import type { KubeObject } from '../cluster/index.js';
import {
  APPLYSET_ID_LABEL,
  APPLYSET_TOOLING_ANNOTATION,
  KUBEGATE_ENVIRONMENT_ANNOTATION,
  KUBEGATE_INSTALLATION_ANNOTATION,
  KUBEGATE_REPOSITORY_ANNOTATION,
  KUBEGATE_REVISION_ANNOTATION,
} from './applyset-keys.js';

/** Who synced the set (from the sync request). */
export interface SyncRecord {
  /** "owner/name". */
  repository: string;
  /** The commit being synced. */
  revision: string;
  installationId?: number;
}

/** A kubegate parent read back from the cluster. */
export interface ParentRecord {
  namespace: string;
  name: string;
  repository: string;
  environment: string;
  revision: string;
  installationId: number;
}

/** The annotations of the parent; `revision` is the one to write (the live one until the sync succeeded). */
export function recordAnnotations(record: SyncRecord, environment: string, revision: string | undefined): Record<string, string> {
  return {
    [KUBEGATE_REPOSITORY_ANNOTATION]: record.repository,
    [KUBEGATE_ENVIRONMENT_ANNOTATION]: environment,
    ...(record.installationId !== undefined ? { [KUBEGATE_INSTALLATION_ANNOTATION]: String(record.installationId) } : {}),
    ...(revision !== undefined ? { [KUBEGATE_REVISION_ANNOTATION]: revision } : {}),
  };
}

/** The record, keeping the live parent's installation when the request names none (a ChatOps retry, say). */
export function withLiveInstallation(record: SyncRecord, live: KubeObject | null): SyncRecord {
  const installation = live?.metadata.annotations?.[KUBEGATE_INSTALLATION_ANNOTATION];
  if (record.installationId !== undefined || !installation || !/^[1-9][0-9]*$/.test(installation)) return record;
  return { ...record, installationId: Number(installation) };
}

export function liveRevision(live: KubeObject | null): string | undefined {
  return live?.metadata.annotations?.[KUBEGATE_REVISION_ANNOTATION];
}

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const REVISION = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** The record of a kubegate parent; undefined for other tools' sets or parents without a complete record. */
export function readParentRecord(object: KubeObject): ParentRecord | undefined {
  const { annotations = {}, labels = {}, name, namespace } = object.metadata;
  if (object.kind !== 'Secret' || !name || !namespace || labels[APPLYSET_ID_LABEL] === undefined) return undefined;
  if (!annotations[APPLYSET_TOOLING_ANNOTATION]?.startsWith('kubegate/')) return undefined;
  const repository = annotations[KUBEGATE_REPOSITORY_ANNOTATION];
  const environment = annotations[KUBEGATE_ENVIRONMENT_ANNOTATION];
  const revision = annotations[KUBEGATE_REVISION_ANNOTATION];
  const installation = annotations[KUBEGATE_INSTALLATION_ANNOTATION];
  if (!repository || !REPOSITORY.test(repository) || !environment || !revision || !REVISION.test(revision) || !installation || !/^[1-9][0-9]*$/.test(installation)) return undefined;
  return { namespace, name, repository, environment, revision, installationId: Number(installation) };
}

export function readParentRecords(objects: readonly KubeObject[]): ParentRecord[] {
  return objects.flatMap((o) => readParentRecord(o) ?? []);
}
