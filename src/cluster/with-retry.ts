// Retries answers that say "try again" (429, 5xx) and lost connections, with
// exponential backoff and the server's Retry-After. Only for idempotent calls
// (apply, get, delete and the reads here all are).
import { ClusterError } from './cluster-error.js';
import type { HttpResponse } from './send-request.js';

export interface RetryOptions {
  /** Total tries, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 200, maxDelayMs: 5_000 };

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

function delayFor(attempt: number, options: RetryOptions, response?: HttpResponse): number {
  const retryAfter = Number(response?.headers['retry-after']);
  const backoff = options.baseDelayMs * 2 ** (attempt - 1);
  const wanted = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff;
  return Math.min(wanted, options.maxDelayMs);
}

export async function withRetry(send: () => Promise<HttpResponse>, options: RetryOptions = DEFAULT_RETRY): Promise<HttpResponse> {
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    const last = attempt >= options.attempts;
    let response: HttpResponse;
    try {
      response = await send();
    } catch (err) {
      if (last || !(err instanceof ClusterError) || err.reason !== 'Unreachable') throw err;
      await sleep(delayFor(attempt, options));
      continue;
    }
    if (last || !isRetryableStatus(response.status)) return response;
    await sleep(delayFor(attempt, options, response));
  }
}
