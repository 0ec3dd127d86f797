// The server's /version.
import { ClusterError } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';

export interface ServerVersion {
  gitVersion: string;
  major: string;
  minor: string;
  platform?: string;
  goVersion?: string;
}

export async function readVersion(call: ApiCaller, signal?: AbortSignal): Promise<ServerVersion> {
  const body = (await call({ method: 'GET', path: '/version', ...(signal ? { signal } : {}) })) as Partial<ServerVersion> | null;
  if (typeof body?.gitVersion !== 'string') {
    throw new ClusterError('GET /version: the answer has no gitVersion', { request: 'GET /version' });
  }
  return body as ServerVersion;
}
