// One sync at a time per environment, across app replicas: a
// coordination.k8s.io/v1 Lease "kubegate-sync-<env>" in the target cluster.
// Acquire: create it (POST, so only one creator wins), or take it over when
// it is free or expired, with the resourceVersion it was read at (the server
// refuses a stale write with 409). While the work runs the holder renews it;
// if a renewal finds another holder, the work's signal aborts. At the end the
// Lease is released (holder cleared), so the next sync starts at once.
import { setMaxListeners } from 'node:events';
import { ClusterError, type ClusterClient, type KubeObject } from '../../cluster/index.js';
import { resourceName } from '../resource-name.js';
import { LeaseError } from './lease-error.js';
import { microTime } from './micro-time.js';

export interface LeaseOptions {
  client: ClusterClient;
  namespace: string;
  environment: string;
  /** Who holds it: unique per replica and sync (e.g. "<hostname>/<pid>/<sha>"). */
  holder: string;
  /** Default 30 s: a crashed holder blocks others at most this long. */
  durationSeconds?: number;
  /** How long to wait for another holder (default 10 min). */
  waitMs?: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called while waiting for another holder. */
  onWait?: (holder: string) => void;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** The Lease as the work under it sees it: annotations others may read (e.g. who holds the environment). */
export interface HeldLease {
  annotations(): Readonly<Record<string, string>>;
  /** Server-side apply of exactly these annotations under their own field manager ({} removes the ones it set before). */
  annotate(annotations: Readonly<Record<string, string>>, fieldManager: string): Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function leaseName(environment: string): string {
  return resourceName('kubegate-sync-', environment);
}

function specOf(lease: KubeObject | null): LeaseSpec {
  return (lease?.spec ?? {}) as LeaseSpec;
}

function isFree(spec: LeaseSpec, holder: string, now: number): boolean {
  if (!spec.holderIdentity || spec.holderIdentity === holder) return true;
  const renewed = Date.parse(spec.renewTime ?? spec.acquireTime ?? '');
  return !Number.isFinite(renewed) || renewed + (spec.leaseDurationSeconds ?? 0) * 1000 < now;
}

function isConflict(err: unknown): boolean {
  return err instanceof ClusterError && err.status === 409;
}

class Lease {
  private current: KubeObject | null = null;
  constructor(private readonly o: Required<Pick<LeaseOptions, 'client' | 'namespace' | 'holder'>> & LeaseOptions) {}

  private get ref() {
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: leaseName(this.o.environment), namespace: this.o.namespace };
  }

  private body(spec: LeaseSpec, resourceVersion?: string): KubeObject {
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: this.ref.name, namespace: this.o.namespace, ...(resourceVersion ? { resourceVersion } : {}) },
      spec,
    };
  }

  private held(now: number, previous: LeaseSpec): LeaseSpec {
    const taken = previous.holderIdentity !== this.o.holder;
    return {
      holderIdentity: this.o.holder,
      leaseDurationSeconds: this.o.durationSeconds ?? 30,
      acquireTime: taken ? microTime(now) : (previous.acquireTime ?? microTime(now)),
      renewTime: microTime(now),
      leaseTransitions: (previous.leaseTransitions ?? 0) + (taken && previous.renewTime !== undefined ? 1 : 0),
    };
  }

  /** One attempt; false when someone else holds it (or won the race). */
  async tryAcquire(now: number): Promise<string | undefined> {
    const live = await this.o.client.find(this.ref);
    const spec = specOf(live);
    if (live && !isFree(spec, this.o.holder, now)) return spec.holderIdentity;
    try {
      this.current = live
        ? await this.o.client.apply({ object: this.body(this.held(now, spec), live.metadata.resourceVersion) })
        : await this.o.client.create({ object: this.body(this.held(now, {})) });
      return undefined;
    } catch (err: unknown) {
      if (isConflict(err)) return spec.holderIdentity ?? 'another sync';
      throw err;
    }
  }

  /** Renews; throws LeaseError when another holder took it. */
  async renew(now: number): Promise<void> {
    const previous = this.current;
    try {
      this.current = await this.o.client.apply({ object: this.body(this.held(now, specOf(previous)), previous?.metadata.resourceVersion) });
    } catch (err: unknown) {
      if (!isConflict(err)) throw err;
      const live = await this.o.client.find(this.ref);
      if (specOf(live).holderIdentity !== this.o.holder) throw new LeaseError(`Lease ${this.o.namespace}/${this.ref.name} was taken over by ${specOf(live).holderIdentity ?? 'nobody'}`, { cause: err });
      this.current = live;
    }
  }

  annotations(): Readonly<Record<string, string>> {
    return this.current?.metadata.annotations ?? {};
  }

  async annotate(annotations: Readonly<Record<string, string>>, fieldManager: string): Promise<void> {
    const resourceVersion = this.current?.metadata.resourceVersion;
    const metadata = { name: this.ref.name, namespace: this.o.namespace, annotations: { ...annotations }, ...(resourceVersion ? { resourceVersion } : {}) };
    this.current = await this.o.client.apply({ object: { apiVersion: this.ref.apiVersion, kind: this.ref.kind, metadata }, fieldManager });
  }

  async release(now: number): Promise<void> {
    const previous = this.current;
    if (!previous) return;
    const spec = { ...specOf(previous), holderIdentity: '', leaseDurationSeconds: 1, renewTime: microTime(now) };
    try {
      await this.o.client.apply({ object: this.body(spec, previous.metadata.resourceVersion) });
    } catch (err: unknown) {
      if (!isConflict(err)) throw err; // someone else holds it now: nothing to release
    }
  }
}

/**
 * Runs `work` while holding the environment's Lease. The signal given to
 * `work` aborts when the Lease is lost; the HeldLease reads and sets
 * annotations on it. Throws LeaseError when the Lease
 * stays held by another sync for longer than waitMs.
 */
export async function withEnvironmentLease<T>(options: LeaseOptions, work: (signal: AbortSignal, lease: HeldLease) => Promise<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const lease = new Lease(options);
  const waitUntil = now() + (options.waitMs ?? 600_000);
  for (;;) {
    const other = await lease.tryAcquire(now());
    if (other === undefined) break;
    if (now() >= waitUntil) throw new LeaseError(`another sync of environment ${options.environment} (${other}) held Lease ${options.namespace}/${leaseName(options.environment)} for longer than ${Math.round((options.waitMs ?? 600_000) / 1000)} s`);
    options.onWait?.(other);
    await sleep(options.pollMs ?? 1_000);
  }
  const lost = new AbortController();
  setMaxListeners(0, lost.signal);
  const every = ((options.durationSeconds ?? 30) * 1000) / 3;
  let renewing = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(() => lease.renew(now())).catch((err: unknown) => lost.abort(err));
  }, every);
  try {
    return await work(lost.signal, { annotations: () => lease.annotations(), annotate: (annotations, fieldManager) => lease.annotate(annotations, fieldManager) });
  } finally {
    clearInterval(timer);
    await renewing;
    if (!lost.signal.aborted) await lease.release(now()).catch(() => undefined);
  }
}
