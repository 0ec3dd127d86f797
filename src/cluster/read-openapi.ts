// The server's OpenAPI v3 documents: the index (/openapi/v3), then one
// document per group-version, addressed by the index's serverRelativeURL.
import { ClusterError } from './cluster-error.js';
import type { ApiCaller } from './api-caller.js';

export interface OpenApiV3Index {
  /** Keys like "api/v1", "apis/apps/v1"; values hold the document's URL (with a hash query). */
  paths: Record<string, { serverRelativeURL: string }>;
}

const OPENAPI_TIMEOUT_MS = 120_000;

export async function readOpenApiIndex(call: ApiCaller): Promise<OpenApiV3Index> {
  const body = (await call({ method: 'GET', path: '/openapi/v3' })) as { paths?: unknown } | null;
  const paths = body?.paths;
  const ok =
    typeof paths === 'object' && paths !== null &&
    Object.values(paths).every((p) => typeof (p as { serverRelativeURL?: unknown } | null)?.serverRelativeURL === 'string');
  if (!ok) throw new ClusterError('GET /openapi/v3: the answer is not an OpenAPI v3 index', { request: 'GET /openapi/v3' });
  return { paths: paths as OpenApiV3Index['paths'] };
}

/** serverRelativeURL: from the index, e.g. "/openapi/v3/apis/apps/v1?hash=...". */
export async function readOpenApiDocument(call: ApiCaller, serverRelativeURL: string): Promise<Record<string, unknown>> {
  const url = new URL(serverRelativeURL, 'http://placeholder');
  const query = Object.fromEntries(url.searchParams);
  const body = await call({ method: 'GET', path: url.pathname, query, timeoutMs: OPENAPI_TIMEOUT_MS });
  if (typeof body !== 'object' || body === null || typeof (body as { openapi?: unknown }).openapi !== 'string') {
    throw new ClusterError(`GET ${url.pathname}: the answer is not an OpenAPI v3 document`, { request: `GET ${url.pathname}` });
  }
  return body as Record<string, unknown>;
}
