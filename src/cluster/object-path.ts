// The REST path of one object.
import type { ApiResource } from './resolve-resource.js';
import { apiVersionPath } from './resolve-resource.js';

export interface ObjectPathOptions {
  apiVersion: string;
  resource: ApiResource;
  name: string;
  /** Used only when the resource is namespaced. */
  namespace: string;
}

export function objectPath({ apiVersion, resource, name, namespace }: ObjectPathOptions): string {
  const base = apiVersionPath(apiVersion);
  const scope = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${resource.name}/${encodeURIComponent(name)}`;
}
