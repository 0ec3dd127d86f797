// Access with credentials kubegate applies itself (no client-node): client
// certificates, CA, bearer token or token file, basic auth, or none. One
// keep-alive agent per access, so requests reuse TLS connections, and one TLS
// context: without it every new connection parses the key and the CA again.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createSecureContext, type ConnectionOptions, type SecureContext } from 'node:tls';
import { ClusterError } from '../cluster-error.js';
import { errorText } from '../error-text.js';
import { createHttp2Client } from './http2-client.js';
import type { ClusterAccess } from '../cluster-access.js';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecureSkipTlsVerify?: boolean;
  /** tls-server-name: the name the server certificate is checked against. */
  serverName?: string;
}

export interface StaticAccessOptions {
  contextName: string;
  server: string;
  namespace: string;
  tls: TlsMaterial;
  /** Read for each request (a token file rotates). */
  bearerToken?: () => string;
  /** "user:password". */
  basicAuth?: string;
  /** Send requests over HTTP/2 when the server offers it (default true). */
  http2?: boolean;
}

function tlsContext(tls: TlsMaterial, contextName: string): SecureContext {
  try {
    return createSecureContext({
      ...(tls.ca ? { ca: tls.ca } : {}),
      ...(tls.cert ? { cert: tls.cert } : {}),
      ...(tls.key ? { key: tls.key } : {}),
    });
  } catch (cause) {
    throw new ClusterError(`context "${contextName}": the certificate authority, client certificate or client key cannot be used: ${errorText(cause)}`, { cause });
  }
}

function connectionOptions(tls: TlsMaterial, contextName: string): ConnectionOptions {
  return {
    secureContext: tlsContext(tls, contextName),
    ...(tls.serverName ? { servername: tls.serverName } : {}),
    rejectUnauthorized: !tls.insecureSkipTlsVerify,
  };
}

export function createStaticAccess(options: StaticAccessOptions): ClusterAccess {
  const secure = options.server.startsWith('https:');
  const tls = secure ? connectionOptions(options.tls, options.contextName) : undefined;
  const agent = tls ? new HttpsAgent({ keepAlive: true, ...tls }) : new HttpAgent({ keepAlive: true });
  const { bearerToken } = options;
  const basic = options.basicAuth === undefined ? undefined : `Basic ${Buffer.from(options.basicAuth).toString('base64')}`;
  return {
    contextName: options.contextName,
    server: options.server,
    namespace: options.namespace,
    async authorize(request) {
      request.agent = agent;
      if (bearerToken) request.headers.Authorization = `Bearer ${bearerToken()}`;
      else if (basic !== undefined) request.headers.Authorization = basic;
    },
    ...(tls && options.http2 !== false ? { http2: createHttp2Client(tls) } : {}),
  };
}
