// An in-memory ClusterClient for unit tests of the dry-run orchestration and
// the CLI: a few known kinds, live objects in a map, apply returns the body
// with one server default, and hooks to delay or refuse calls.
import { ClusterError, type ClusterClient, type KubeObject, type ObjectRef } from '../../../src/cluster/index.js';

export interface FakeCluster extends ClusterClient {
  live: Map<string, KubeObject>;
  inFlight: number;
  maxInFlight: number;
  calls: string[];
}

const KINDS: Record<string, { name: string; namespaced: boolean }> = {
  ConfigMap: { name: 'configmaps', namespaced: true },
  Namespace: { name: 'namespaces', namespaced: false },
  Deployment: { name: 'deployments', namespaced: true },
};

export function key(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** The one selector form kubegate sends: "key=value". */
function matchesLabel(o: KubeObject, selector: string | undefined): boolean {
  if (selector === undefined) return true;
  const [k = '', v] = selector.split('=');
  return o.metadata.labels?.[k] === v;
}

function abortable<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
  if (!signal) return work;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      const fail = (): void => reject(new ClusterError('cancelled', { reason: 'Aborted' }));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    }),
  ]);
}

export interface FakeOptions {
  /** Milliseconds each apply/get takes. */
  delayMs?: number;
  /** Never answer GET /version. */
  silent?: boolean;
  /** Refuse the dry-run of objects with this name. */
  refuse?: Record<string, ClusterError>;
  /** LIST is forbidden (RBAC with get only). */
  noList?: boolean;
  /** The API server URL (default a remote one). */
  server?: string;
}

export function fakeCluster(options: FakeOptions = {}): FakeCluster {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const fake: FakeCluster = {
    server: options.server ?? 'https://fake:6443',
    defaultNamespace: 'default',
    live: new Map(),
    inFlight: 0,
    maxInFlight: 0,
    calls: [],
    async resource(apiVersion, kind) {
      const r = KINDS[kind];
      if (!r) throw new ClusterError(`the server has no resource for kind ${kind} in ${apiVersion}`, { reason: 'UnknownKind' });
      return { ...r, kind };
    },
    async apply({ object, signal }) {
      fake.calls.push(`apply ${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`);
      return abortable(signal, track(async () => {
        const refused = options.refuse?.[object.metadata.name ?? ''];
        if (refused) throw refused;
        return { ...structuredClone(object), metadata: { ...object.metadata, uid: 'u1' }, ...(object.kind === 'Deployment' ? { status: {} } : {}) };
      }));
    },
    async get(ref) {
      const found = await fake.find(ref);
      if (!found) throw new ClusterError('not found', { status: 404 });
      return found;
    },
    async find(ref, readOptions) {
      fake.calls.push(`get ${key(ref)}`);
      return abortable(readOptions?.signal, track(async () => fake.live.get(key(ref)) ?? null));
    },
    async listVersioned(options) {
      return { items: await fake.list(options), resourceVersion: '1' };
    },
    watch() {
      return Promise.resolve('ended' as const);
    },
    async list({ kind, namespace, signal, labelSelector }) {
      fake.calls.push(`list ${kind}/${namespace ?? ''}${labelSelector ? `?${labelSelector}` : ''}`);
      if (options.noList) throw new ClusterError('forbidden', { status: 403, reason: 'Forbidden' });
      const selected = (o: KubeObject): boolean => o.kind === kind && (o.metadata.namespace ?? '') === (namespace ?? '') && matchesLabel(o, labelSelector);
      return abortable(signal, track(async () => [...fake.live.values()].filter(selected)));
    },
    async delete() {
      return 'not-found';
    },
    async preferredVersion(group) {
      return group === '' ? 'v1' : `${group}/v1`;
    },
    async create({ object }) {
      return object;
    },
    async patch({ ref }) {
      return fake.get(ref);
    },
    async version(readOptions) {
      if (options.silent) return abortable(readOptions?.signal, new Promise<never>(() => undefined));
      return { gitVersion: 'v1.33.13', major: '1', minor: '33' };
    },
    async openApiIndex() {
      return { paths: {} };
    },
    async openApiDocument() {
      return {};
    },
  };
  async function track<T>(work: () => Promise<T>): Promise<T> {
    fake.inFlight += 1;
    fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
    try {
      if (options.delayMs) await sleep(options.delayMs);
      return await work();
    } finally {
      fake.inFlight -= 1;
    }
  }
  return fake;
}
