// The Argo CD API calls the argocd mode needs (Argo CD's documented REST API,
// Bearer token): read an Application, ask it to sync, and roll it back to an
// entry of its history (ChatOps /rollback).
export interface ArgoCdTarget {
  /** Base URL of the Argo CD API server. */
  url: string;
  token: string;
  application: string;
  /** When Argo CD manages Applications in several namespaces. */
  appNamespace?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export class ArgoCdError extends Error {
  override readonly name = 'ArgoCdError';
  constructor(message: string, readonly status: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** One deployed revision Argo CD remembers (status.history; int64 ids come as numbers or strings). */
export interface ArgoCdHistoryEntry {
  id: number | string;
  revision?: string;
  deployedAt?: string;
}

export interface ArgoCdApplication {
  spec?: {
    /** `automated` present: auto-sync is on, and Argo CD refuses a rollback. */
    syncPolicy?: { automated?: unknown };
  };
  status?: {
    history?: ArgoCdHistoryEntry[];
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      syncResult?: { revision?: string; resources?: ArgoCdResourceResult[] };
    };
    health?: { status?: string };
    sync?: { status?: string; revision?: string };
  };
}

export interface ArgoCdResourceResult {
  group?: string;
  version?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  status?: string;
  message?: string;
}

async function call(target: ArgoCdTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ArgoCdApplication> {
  const url = new URL(`${target.url}/api/v1/applications/${encodeURIComponent(target.application)}${path}`);
  if (target.appNamespace) url.searchParams.set('appNamespace', target.appNamespace);
  const send = target.fetch ?? fetch;
  let response: Response;
  try {
    response = await send(url, {
      method,
      headers: { Authorization: `Bearer ${target.token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(target.signal ? { signal: target.signal } : {}),
    });
  } catch (cause: unknown) {
    throw new ArgoCdError(`Argo CD at ${target.url} could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`, 0, { cause });
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 300);
    try {
      const parsed = JSON.parse(text) as { message?: unknown; error?: unknown };
      message = String(parsed.message ?? parsed.error ?? message);
    } catch {
      // not JSON: keep the text
    }
    throw new ArgoCdError(`Argo CD: ${method} application ${target.application}${path}: HTTP ${response.status}: ${message}`, response.status);
  }
  try {
    return JSON.parse(text) as ArgoCdApplication;
  } catch (cause: unknown) {
    throw new ArgoCdError(`Argo CD: ${method} application ${target.application}${path}: the answer is not JSON`, response.status, { cause });
  }
}

export function readApplication(target: ArgoCdTarget): Promise<ArgoCdApplication> {
  return call(target, 'GET', '');
}

/** Rolls the Application back to the history entry `id` (Argo CD refuses while auto-sync is on). */
export function requestRollback(target: ArgoCdTarget, options: { id: number | string; prune: boolean }): Promise<ArgoCdApplication> {
  return call(target, 'POST', '/rollback', { id: options.id, prune: options.prune, ...(target.appNamespace ? { appNamespace: target.appNamespace } : {}) });
}

export function requestSync(target: ArgoCdTarget, options: { revision?: string; prune: boolean }): Promise<ArgoCdApplication> {
  return call(target, 'POST', '/sync', {
    prune: options.prune,
    ...(options.revision ? { revision: options.revision } : {}),
    ...(target.appNamespace ? { appNamespace: target.appNamespace } : {}),
  });
}
