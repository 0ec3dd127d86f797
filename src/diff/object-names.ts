// How objects are named in the output: kubectl diff's file names and a short
// "Kind namespace/name" label.
import type { ResolvedRef } from './types.js';

/** Splits "apps/v1" into group and version ("v1" is the core group ""). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** kubectl diff's file name: "apps.v1.Deployment.ns.name", "v1.Namespace..name". */
export function kubectlFileName(ref: ResolvedRef): string {
  const group = ref.group === '' ? '' : `${ref.group}.`;
  return `${group}${ref.version}.${ref.kind}.${ref.namespace ?? ''}.${ref.name}`;
}

/** "Deployment apps/web" or "Namespace apps". */
export function objectLabel(ref: ResolvedRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** Identity of an object across base and head: group, kind, namespace and name (not the version). */
export function objectKey(ref: Pick<ResolvedRef, 'group' | 'kind' | 'name' | 'namespace'>): string {
  return [ref.group, ref.kind, ref.namespace ?? '', ref.name].join('|');
}
