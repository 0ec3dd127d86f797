// Whether one live object is healthy, the way `kubectl rollout status` and
// `kubectl wait` judge it: small named predicates per kind, each returning
// the reason it is not healthy yet (or failed for good).
import type { JsonObject } from '../../diff/types.js';

export type Health = { state: 'healthy' } | { state: 'progressing' | 'failed'; reason: string };

type Assess = (object: JsonObject) => Health;

interface Condition {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
}

const HEALTHY: Health = { state: 'healthy' };

function field(object: JsonObject, ...path: string[]): unknown {
  let value: unknown = object;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' ? value : fallback;
}

function condition(object: JsonObject, type: string): Condition | undefined {
  const list = field(object, 'status', 'conditions');
  return Array.isArray(list) ? (list as Condition[]).find((c) => c?.type === type) : undefined;
}

function isTrue(object: JsonObject, type: string): boolean {
  return condition(object, type)?.status === 'True';
}

function progressing(reason: string): Health {
  return { state: 'progressing', reason };
}

function generationSeen(object: JsonObject): Health | undefined {
  const generation = num(field(object, 'metadata', 'generation'));
  const observed = num(field(object, 'status', 'observedGeneration'), -1);
  return observed < generation ? progressing(`waiting for the controller to observe generation ${generation} (observed: ${observed < 0 ? 'none' : observed})`) : undefined;
}

const deployment: Assess = (o) => {
  const seen = generationSeen(o);
  if (seen) return seen;
  const stalled = condition(o, 'Progressing');
  if (stalled?.reason === 'ProgressDeadlineExceeded') return { state: 'failed', reason: `rollout exceeded its progress deadline: ${String(stalled.message ?? '')}`.trim() };
  const want = num(field(o, 'spec', 'replicas'), 1);
  const updated = num(field(o, 'status', 'updatedReplicas'));
  const total = num(field(o, 'status', 'replicas'));
  const available = num(field(o, 'status', 'availableReplicas'));
  if (updated < want) return progressing(`${updated} of ${want} replicas updated`);
  if (total > updated) return progressing(`${total - updated} old replicas pending termination`);
  if (available < updated) return progressing(`${available} of ${updated} updated replicas available`);
  return HEALTHY;
};

const statefulSet: Assess = (o) => {
  const seen = generationSeen(o);
  if (seen) return seen;
  if (field(o, 'spec', 'updateStrategy', 'type') === 'OnDelete') return HEALTHY;
  const want = num(field(o, 'spec', 'replicas'), 1);
  const ready = num(field(o, 'status', 'readyReplicas'));
  if (ready < want) return progressing(`${ready} of ${want} replicas ready`);
  const partition = num(field(o, 'spec', 'updateStrategy', 'rollingUpdate', 'partition'));
  const updated = num(field(o, 'status', 'updatedReplicas'));
  if (partition > 0) return updated < want - partition ? progressing(`${updated} of ${want - partition} replicas updated (partition ${partition})`) : HEALTHY;
  const current = field(o, 'status', 'currentRevision');
  const update = field(o, 'status', 'updateRevision');
  if (current !== update) return progressing(`rolling out revision ${String(update)} (${updated} of ${want} updated)`);
  return HEALTHY;
};

const daemonSet: Assess = (o) => {
  const seen = generationSeen(o);
  if (seen) return seen;
  const desired = num(field(o, 'status', 'desiredNumberScheduled'));
  const updated = num(field(o, 'status', 'updatedNumberScheduled'));
  const available = num(field(o, 'status', 'numberAvailable'));
  if (updated < desired) return progressing(`${updated} of ${desired} pods updated`);
  if (available < desired) return progressing(`${available} of ${desired} updated pods available`);
  return HEALTHY;
};

const job: Assess = (o) => {
  if (isTrue(o, 'Complete')) return HEALTHY;
  const failed = condition(o, 'Failed');
  if (failed?.status === 'True') return { state: 'failed', reason: `the Job failed: ${String(failed.reason ?? '')} ${String(failed.message ?? '')}`.trim() };
  return progressing('the Job has not completed');
};

const claim: Assess = (o) => {
  const phase = field(o, 'status', 'phase');
  if (phase === 'Bound') return HEALTHY;
  if (phase === 'Lost') return { state: 'failed', reason: 'the claim lost its volume' };
  return progressing(`the claim is ${typeof phase === 'string' ? phase : 'Pending'}, not Bound`);
};

const crd: Assess = (o) => (isTrue(o, 'Established') ? HEALTHY : progressing('the CustomResourceDefinition is not Established yet'));

const namespace: Assess = (o) => {
  const phase = field(o, 'status', 'phase');
  return phase === undefined || phase === 'Active' ? HEALTHY : progressing(`the namespace is ${String(phase)}`);
};

/** Kinds whose health depends on controllers (a rollout); skipped with waitForRollout: false. */
export const ROLLOUT_KINDS: Readonly<Record<string, Assess>> = {
  'apps/Deployment': deployment,
  'apps/StatefulSet': statefulSet,
  'apps/DaemonSet': daemonSet,
  'batch/Job': job,
  '/PersistentVolumeClaim': claim,
};

/** Kinds the API server settles itself (always waited for). */
export const FOUNDATION_KINDS: Readonly<Record<string, Assess>> = {
  'apiextensions.k8s.io/CustomResourceDefinition': crd,
  '/Namespace': namespace,
};

/** The assessor of a kind ("group/Kind"), when its health is judged at all. */
export function assessorFor(group: string, kind: string, rollouts: boolean): Assess | undefined {
  const key = `${group}/${kind}`;
  return FOUNDATION_KINDS[key] ?? (rollouts ? ROLLOUT_KINDS[key] : undefined);
}
