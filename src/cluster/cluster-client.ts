// The cluster adapter: one object per kubeconfig context, with named-option
// methods. Everything the rest of kubegate needs from a cluster goes here.
import { createApiCaller } from './api-caller.js';
import { applyObject, type ApplyOptions } from './apply-object.js';
import { ClusterError } from './cluster-error.js';
import { createObject, type CreateOptions } from './create-object.js';
import { deleteObject, type DeleteOptions, type DeleteResult } from './delete-object.js';
import { findObject, getObject, type ReadOptions } from './get-object.js';
import type { KubeObject, ObjectRef } from './kube-object.js';
import { listObjects, listVersioned, type ListOptions, type VersionedList } from './list-objects.js';
import { patchObject, type PatchOptions } from './patch-object.js';
import type { ClusterAccess } from './cluster-access.js';
import { loadInClusterConfig, loadKubeConfig } from './load-kube-config.js';
import { readPreferredVersion } from './read-preferred-version.js';
import { readOpenApiDocument, readOpenApiIndex, type OpenApiV3Index } from './read-openapi.js';
import { readVersion, type ServerVersion } from './read-version.js';
import { createResourceResolver, type ApiResource } from './resolve-resource.js';
import type { RetryOptions } from './with-retry.js';
import { watchObjects, type WatchEnd, type WatchOptions } from './watch-objects.js';

export const FIELD_MANAGER = 'kubegate';

export interface ClusterClientOptions {
  /** Path of a kubeconfig file; this or kubeconfigPaths is required unless inCluster. */
  kubeconfigPath?: string;
  /** Several kubeconfig files merged as kubectl merges $KUBECONFIG (first file wins per name). */
  kubeconfigPaths?: readonly string[];
  /** Use the pod's service account instead of a kubeconfig (the app runs in the cluster). */
  inCluster?: boolean;
  /** Defaults to the kubeconfig's current-context. */
  context?: string;
  /** Defaults to "kubegate". */
  fieldManager?: string;
  /** Namespace for namespaced objects without one; defaults to the context's, else "default". */
  defaultNamespace?: string;
  retry?: Partial<RetryOptions>;
  /** Per request; defaults to 30 s. */
  timeoutMs?: number;
  /** Requests over HTTP/2 when the server offers it, as kubectl does (default true; false: HTTP/1.1 keep-alive connections). */
  http2?: boolean;
}

export interface ClusterClient {
  /** The API server URL, for messages. */
  readonly server: string;
  /** Where namespaced objects without a namespace go. */
  readonly defaultNamespace: string;
  apply(options: ApplyOptions): Promise<KubeObject>;
  /** POST: 409 AlreadyExists when the object exists. */
  create(options: CreateOptions): Promise<KubeObject>;
  /** JSON merge patch (annotations, status in tests); content from Git goes through apply. */
  patch(options: PatchOptions): Promise<KubeObject>;
  /** Rejects with a ClusterError (status 404) when missing; see isNotFound. */
  get(ref: ObjectRef, options?: ReadOptions): Promise<KubeObject>;
  /** null when missing. */
  find(ref: ObjectRef, options?: ReadOptions): Promise<KubeObject | null>;
  /** Every object of a kind (in a namespace), paged. */
  list(options: ListOptions): Promise<KubeObject[]>;
  /** list, with the list's resourceVersion (where a watch starts). */
  listVersioned(options: ListOptions): Promise<VersionedList>;
  /** Streams changes from a resourceVersion until the stream ends; "gone" (410): re-list. */
  watch(options: WatchOptions): Promise<WatchEnd>;
  delete(options: DeleteOptions): Promise<DeleteResult>;
  /** The REST resource serving a kind (discovery, cached); ClusterError reason "UnknownKind" when none. */
  resource(apiVersion: string, kind: string): Promise<ApiResource>;
  /** The served apiVersion the server prefers for a group ("" -> "v1"). */
  preferredVersion(group: string): Promise<string>;
  version(options?: ReadOptions): Promise<ServerVersion>;
  openApiIndex(): Promise<OpenApiV3Index>;
  openApiDocument(serverRelativeURL: string): Promise<Record<string, unknown>>;
}

function loadAccess(options: ClusterClientOptions): ClusterAccess {
  const http2 = options.http2 === undefined ? {} : { http2: options.http2 };
  if (options.inCluster) return loadInClusterConfig(process.env, http2);
  const context = { ...http2, ...(options.context === undefined ? {} : { context: options.context }) };
  if (options.kubeconfigPath !== undefined) return loadKubeConfig({ file: options.kubeconfigPath, ...context });
  if (options.kubeconfigPaths !== undefined) return loadKubeConfig({ files: options.kubeconfigPaths, ...context });
  throw new ClusterError('no kubeconfig given (kubeconfigPath), and inCluster is not set');
}

export function createClusterClient(options: ClusterClientOptions): ClusterClient {
  const access = loadAccess(options);
  const call = createApiCaller({
    access,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const deps = {
    call,
    resolve: createResourceResolver(call),
    defaultNamespace: options.defaultNamespace ?? access.namespace,
    fieldManager: options.fieldManager ?? FIELD_MANAGER,
  };
  return {
    server: access.server,
    defaultNamespace: deps.defaultNamespace,
    apply: (applyOptions) => applyObject(deps, applyOptions),
    create: (createOptions) => createObject(deps, createOptions),
    patch: (patchOptions) => patchObject(deps, patchOptions),
    get: (ref, readOptions) => getObject(deps, ref, readOptions),
    find: (ref, readOptions) => findObject(deps, ref, readOptions),
    list: (listOptions) => listObjects(deps, listOptions),
    listVersioned: (listOptions) => listVersioned(deps, listOptions),
    watch: (watchOptions) => watchObjects({ access, resolve: deps.resolve, defaultNamespace: deps.defaultNamespace }, watchOptions),
    delete: (deleteOptions) => deleteObject(deps, deleteOptions),
    resource: (apiVersion, kind) => deps.resolve(apiVersion, kind),
    preferredVersion: (group) => readPreferredVersion(call, group),
    version: (readOptions) => readVersion(call, readOptions?.signal),
    openApiIndex: () => readOpenApiIndex(call),
    openApiDocument: (url) => readOpenApiDocument(call, url),
  };
}
