// The one error type of the cluster adapter: which request failed, the HTTP
// status and the server's Status reason and message when there was an answer.

export interface ClusterErrorDetails {
  /** "PATCH /apis/apps/v1/namespaces/x/deployments/y"; absent before any request. */
  request?: string;
  /** HTTP status; absent for connection faults and local validation. */
  status?: number;
  /** metav1.Status reason ("NotFound", "Conflict", "Invalid", ...) or a local one ("UnknownKind", "Unreachable", "Aborted"). */
  reason?: string;
  /** The server's Status message, or the local description. */
  serverMessage?: string;
  cause?: unknown;
}

export class ClusterError extends Error {
  readonly request: string | undefined;
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly serverMessage: string | undefined;

  constructor(message: string, details: ClusterErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ClusterError';
    this.request = details.request;
    this.status = details.status;
    this.reason = details.reason;
    this.serverMessage = details.serverMessage;
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ClusterError && err.status === 404;
}
