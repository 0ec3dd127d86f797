// How requests reach one cluster: its URL, the context's namespace, and what
// each request needs (a keep-alive connection pool with the TLS settings, and
// the credentials). Built from a kubeconfig or the pod's service account
// (load-kube-config.ts); send-request.ts and watch-objects.ts use it.
import type { RequestOptions } from 'node:https';
import type { Http2Client } from './access/http2-client.js';

export type AuthorizedOptions = RequestOptions & { headers: Record<string, string> };

export interface ClusterAccess {
  /** The kubeconfig context used ("inCluster" for the service account). */
  readonly contextName: string;
  /** The API server URL. */
  readonly server: string;
  /** The context's namespace, else "default". */
  readonly namespace: string;
  /** Sets the connection pool (agent) and the credentials of one request. */
  authorize(options: AuthorizedOptions): Promise<void>;
  /** Requests over HTTP/2 when the server speaks it (watches stay on HTTP/1.1, one connection each). */
  readonly http2?: Http2Client;
}
