// The transport the operations use: send with retries, fail on non-2xx with
// the server's Status, parse JSON.
import type { ClusterAccess } from './cluster-access.js';
import { ClusterError } from './cluster-error.js';
import { describeRequest, sendRequest, type HttpRequest } from './send-request.js';
import { statusError } from './status-error.js';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './with-retry.js';

export type ApiCaller = (req: HttpRequest) => Promise<unknown>;

export interface ApiCallerOptions {
  access: ClusterAccess;
  retry?: Partial<RetryOptions>;
  timeoutMs?: number;
}

export function createApiCaller({ access, retry, timeoutMs }: ApiCallerOptions): ApiCaller {
  const retryOptions = { ...DEFAULT_RETRY, ...retry };
  return async (req) => {
    const full = timeoutMs === undefined || req.timeoutMs !== undefined ? req : { ...req, timeoutMs };
    const label = describeRequest(req);
    const response = await withRetry(() => sendRequest(access, full), retryOptions);
    if (response.status < 200 || response.status > 299) throw statusError(label, response);
    try {
      return JSON.parse(response.body) as unknown;
    } catch (cause) {
      throw new ClusterError(`${label}: the answer is not JSON`, { request: label, status: response.status, cause });
    }
  };
}
