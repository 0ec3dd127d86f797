// Turns a non-2xx answer into a ClusterError carrying the server's Status.
import { ClusterError } from './cluster-error.js';
import type { HttpResponse } from './send-request.js';

interface StatusBody {
  kind?: unknown;
  message?: unknown;
  reason?: unknown;
}

function parseStatus(body: string): StatusBody | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as StatusBody) : undefined;
  } catch {
    return undefined;
  }
}

export function statusError(request: string, response: HttpResponse): ClusterError {
  const status = parseStatus(response.body);
  const serverMessage =
    status?.kind === 'Status' && typeof status.message === 'string' ? status.message : response.body.slice(0, 300).trim();
  const reason = status?.kind === 'Status' && typeof status.reason === 'string' ? status.reason : undefined;
  const head = `${request}: HTTP ${response.status}${reason ? ` ${reason}` : ''}`;
  return new ClusterError(serverMessage ? `${head}: ${serverMessage}` : head, {
    request,
    status: response.status,
    ...(reason === undefined ? {} : { reason }),
    serverMessage,
  });
}
