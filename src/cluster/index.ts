// Public surface of the cluster adapter.
export { ClusterError, isNotFound } from './cluster-error.js';
export type { ClusterErrorDetails } from './cluster-error.js';
export { createClusterClient, FIELD_MANAGER } from './cluster-client.js';
export type { ClusterClient, ClusterClientOptions } from './cluster-client.js';
export type { ApplyOptions } from './apply-object.js';
export type { CreateOptions } from './create-object.js';
export type { PatchOptions } from './patch-object.js';
export type { DeleteOptions, DeleteResult } from './delete-object.js';
export type { KubeObject, ManagedFieldsEntry, ObjectMeta, ObjectRef } from './kube-object.js';
export { loadKubeConfig } from './load-kube-config.js';
export type { InClusterDeps, LoadKubeConfigOptions } from './load-kube-config.js';
export type { ClusterAccess } from './cluster-access.js';
export type { OpenApiV3Index } from './read-openapi.js';
export type { ServerVersion } from './read-version.js';
export type { RetryOptions } from './with-retry.js';
export type { ApiResource } from './resolve-resource.js';
export type { ReadOptions } from './get-object.js';
export type { ListOptions, VersionedList } from './list-objects.js';
export type { WatchEnd, WatchEvent, WatchOptions } from './watch-objects.js';
export { loadInClusterConfig } from './load-kube-config.js';
export { listLabelledKind } from './list-labelled-kind.js';
export type { LabelledKindQuery, LabelledObject } from './list-labelled-kind.js';
export { mapBounded } from './map-bounded.js';
export type { MapBoundedOptions } from './map-bounded.js';
export {
  dryRunConcurrency,
  dryRunEnvironment,
  DEFAULT_DRY_RUN_CONCURRENCY,
  DEFAULT_DRY_RUN_TIMEOUT_MS,
  DEFAULT_PROBE_TIMEOUT_MS,
  MAX_DRY_RUN_CONCURRENCY,
  REMOTE_DRY_RUN_CONCURRENCY,
} from './dry-run-environment.js';
export type { DryRunEnvironmentOptions } from './dry-run-environment.js';
export { createDiffEnvironment } from './diff-environment.js';
export type { CreateClient } from './diff-environment.js';
