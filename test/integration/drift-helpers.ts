// Helpers of the drift integration tests: the environment's objects as
// rendered (namespaces defaulted, as the sync sees them) and a one-shot drift
// report against the local control plane.
import { writeFileSync } from 'node:fs';
import type { KubeObject } from '../../src/cluster/index.js';
import { computeDrift } from '../../src/drift/compute-drift.js';
import { lookupLive, readLive } from '../../src/drift/read-live.js';
import type { DriftReport } from '../../src/drift/types.js';
import { clusterClient } from '../setup/cluster-env.js';
import { objects } from './sync/sync-helpers.js';

export async function driftOf(text: string): Promise<DriftReport> {
  const desired = objects(text);
  const live = await readLive(clusterClient(), desired);
  return computeDrift({ environment: 'staging', desired, live: lookupLive(live) });
}

export function deploymentText(ns: string, replicas = 2): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}, labels: {app: web}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: "0.5"}}}]}
`;
}

/** KUBEGATE_CAPTURE_DRIFT=1 writes the live object to fixtures/drift/ (samples of the unit tests). */
export function capture(name: string, live: KubeObject): void {
  if (process.env.KUBEGATE_CAPTURE_DRIFT !== '1') return;
  writeFileSync(new URL(`../../fixtures/drift/${name}.json`, import.meta.url), `${JSON.stringify(live, null, 2)}\n`);
}
