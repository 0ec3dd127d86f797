// Public surface of the cluster adapter.
export { ClusterError, isNotFound } from './cluster-error.js';
export type { ClusterErrorDetails } from './cluster-error.js';
export { createClusterClient, FIELD_MANAGER } from './cluster-client.js';
export type { ClusterClient, ClusterClientOptions } from './cluster-client.js';
export type { ApplyOptions } from './apply-object.js';
export type { DeleteOptions, DeleteResult } from './delete-object.js';
export type { KubeObject, ManagedFieldsEntry, ObjectMeta, ObjectRef } from './kube-object.js';
export { loadKubeConfig } from './load-kube-config.js';
export type { LoadKubeConfigOptions } from './load-kube-config.js';
export type { OpenApiV3Index } from './read-openapi.js';
export type { ServerVersion } from './read-version.js';
export type { RetryOptions } from './with-retry.js';
