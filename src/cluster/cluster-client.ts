// The cluster adapter: one object per kubeconfig context, with named-option
// methods. Everything the rest of kubegate needs from a cluster goes here.
import { createApiCaller } from './api-caller.js';
import { applyObject, type ApplyOptions } from './apply-object.js';
import { deleteObject, type DeleteOptions, type DeleteResult } from './delete-object.js';
import { findObject, getObject } from './get-object.js';
import type { KubeObject, ObjectRef } from './kube-object.js';
import { contextNamespace, loadKubeConfig } from './load-kube-config.js';
import { readOpenApiDocument, readOpenApiIndex, type OpenApiV3Index } from './read-openapi.js';
import { readVersion, type ServerVersion } from './read-version.js';
import { createResourceResolver } from './resolve-resource.js';
import type { RetryOptions } from './with-retry.js';

export const FIELD_MANAGER = 'kubegate';

export interface ClusterClientOptions {
  kubeconfigPath: string;
  /** Defaults to the kubeconfig's current-context. */
  context?: string;
  /** Defaults to "kubegate". */
  fieldManager?: string;
  /** Namespace for namespaced objects without one; defaults to the context's, else "default". */
  defaultNamespace?: string;
  retry?: Partial<RetryOptions>;
  /** Per request; defaults to 30 s. */
  timeoutMs?: number;
}

export interface ClusterClient {
  /** The API server URL, for messages. */
  readonly server: string;
  apply(options: ApplyOptions): Promise<KubeObject>;
  /** Rejects with a ClusterError (status 404) when missing; see isNotFound. */
  get(ref: ObjectRef): Promise<KubeObject>;
  /** null when missing. */
  find(ref: ObjectRef): Promise<KubeObject | null>;
  delete(options: DeleteOptions): Promise<DeleteResult>;
  version(): Promise<ServerVersion>;
  openApiIndex(): Promise<OpenApiV3Index>;
  openApiDocument(serverRelativeURL: string): Promise<Record<string, unknown>>;
}

export function createClusterClient(options: ClusterClientOptions): ClusterClient {
  const config = loadKubeConfig({
    file: options.kubeconfigPath,
    ...(options.context === undefined ? {} : { context: options.context }),
  });
  const call = createApiCaller({
    config,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const deps = {
    call,
    resolve: createResourceResolver(call),
    defaultNamespace: options.defaultNamespace ?? contextNamespace(config),
    fieldManager: options.fieldManager ?? FIELD_MANAGER,
  };
  return {
    server: config.getCurrentCluster()?.server ?? '',
    apply: (applyOptions) => applyObject(deps, applyOptions),
    get: (ref) => getObject(deps, ref),
    find: (ref) => findObject(deps, ref),
    delete: (deleteOptions) => deleteObject(deps, deleteOptions),
    version: () => readVersion(call),
    openApiIndex: () => readOpenApiIndex(call),
    openApiDocument: (url) => readOpenApiDocument(call, url),
  };
}
