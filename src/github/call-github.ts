// Wraps one Octokit call: any failure becomes a GitHubApiError naming what was
// attempted, with the HTTP status and the original error as cause.
import { GitHubApiError } from './errors.js';

export async function callGitHub<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error: unknown) {
    if (error instanceof GitHubApiError) throw error;
    const status = statusOf(error) ?? 0;
    const message = error instanceof Error ? error.message : String(error);
    throw new GitHubApiError(action, status, status ? `HTTP ${status}: ${message}` : message, { cause: error });
  }
}

export function statusOf(error: unknown): number | undefined {
  if (isRecord(error) && typeof error['status'] === 'number') return error['status'];
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
