// Access through @kubernetes/client-node, for what kubegate does not do
// itself: exec and auth-provider credential plugins, and proxy-url. Loaded
// lazily on the first request, so other contexts never import it (importing it
// costs more than half a second). client-node makes a new agent for every
// request; one keep-alive agent per access (same TLS options) replaces it so
// connections are reused; proxy agents are kept as they are.
import { Agent as HttpsAgent } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterAccess } from '../cluster-access.js';

export interface ClientNodeAccessOptions {
  contextName: string;
  server: string;
  namespace: string;
  /** A one-context kubeconfig (JSON is YAML) with absolute file paths. */
  kubeconfig: string;
}

async function loadClientNode(options: ClientNodeAccessOptions): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const config = new KubeConfig();
  config.loadFromString(options.kubeconfig);
  config.setCurrentContext(options.contextName);
  return config;
}

export function createClientNodeAccess(options: ClientNodeAccessOptions): ClusterAccess {
  let loading: Promise<KubeConfig> | undefined;
  let shared: HttpsAgent | undefined;
  const reuse = (fresh: unknown): unknown => {
    if (!(fresh instanceof HttpsAgent) || fresh.constructor !== HttpsAgent) return fresh;
    shared ??= new HttpsAgent({ ...fresh.options, keepAlive: true });
    fresh.destroy();
    return shared;
  };
  return {
    contextName: options.contextName,
    server: options.server,
    namespace: options.namespace,
    async authorize(request) {
      loading ??= loadClientNode(options);
      await (await loading).applyToHTTPSOptions(request);
      request.agent = reuse(request.agent) as HttpsAgent;
    },
  };
}
