// The version the server prefers for an API group ("apps" -> "apps/v1"; the
// core group "" -> "v1"), from its discovery document, for reading kinds
// known only by group and kind (ApplySet group-kinds).
import { ClusterError } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';

export async function readPreferredVersion(call: ApiCaller, group: string): Promise<string> {
  if (group === '') return 'v1';
  const path = `/apis/${encodeURIComponent(group)}`;
  const body = (await call({ method: 'GET', path })) as { preferredVersion?: { groupVersion?: unknown } } | null;
  const version = body?.preferredVersion?.groupVersion;
  if (typeof version !== 'string') throw new ClusterError(`GET ${path}: the answer names no preferred version`, { request: `GET ${path}` });
  return version;
}
