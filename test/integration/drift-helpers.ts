// Helpers of the drift integration tests: the environment's objects as
// rendered (namespaces defaulted, as the sync sees them) and a one-shot drift
// report against the local control plane; an in-memory GitHub port for the
// drift service.
import { writeFileSync } from 'node:fs';
import type { KubeObject } from '../../src/cluster/index.js';
import { computeDrift } from '../../src/drift/compute-drift.js';
import { lookupLive, readLive } from '../../src/drift/read-live.js';
import type { DriftReport } from '../../src/drift/types.js';
import type { CheckRunInfo, CheckRunUpdate, GitHubPort, NewCheckRun } from '../../src/github/github-port.js';
import type { NewDeployment, NewDeploymentStatus } from '../../src/github/sync-port.js';
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

/** What the in-memory GitHub port of the drift service tests saw. */
export interface RecordedGitHub {
  runs: Array<NewCheckRun & { id: number }>;
  updates: Array<{ id: number; update: CheckRunUpdate }>;
  deployments: Array<NewDeployment | NewDeploymentStatus>;
}

export const recordedGitHub = (): RecordedGitHub => ({ runs: [], updates: [], deployments: [] });

/**
 * A GitHub port in memory for the drift service: check runs and deployments
 * recorded, and `.github/kubegate.yml` on "main" when a config is given.
 */
export function memoryDriftPort(recorded: RecordedGitHub, options: { repo?: string; configText?: string } = {}): GitHubPort {
  const [owner = '', name = ''] = (options.repo ?? 'o/r').split('/');
  const info = (r: NewCheckRun & { id: number }, status: string): CheckRunInfo => ({ id: r.id, name: r.name, headSha: r.headSha, status, conclusion: null, externalId: r.externalId, annotationsCount: 0, appId: null });
  const port: Partial<GitHubPort> = {
    repo: { owner, repo: name },
    appId: () => Promise.resolve(undefined),
    readFile: (path, ref) => Promise.resolve(options.configText !== undefined && path === '.github/kubegate.yml' && ref === 'main' ? { kind: 'file', text: options.configText } : undefined),
    listCheckRuns: () => Promise.resolve(recorded.runs.map((r) => info(r, 'completed'))),
    createCheckRun: (run) => {
      const created = { ...run, id: recorded.runs.length + 1 };
      recorded.runs.push(created);
      return Promise.resolve(info(created, 'in_progress'));
    },
    updateCheckRun: (id, update) => {
      recorded.updates.push({ id, update });
      return Promise.resolve();
    },
    createDeployment: (deployment) => {
      recorded.deployments.push(deployment);
      return Promise.resolve({ id: 1, sha: deployment.sha, environment: deployment.environment });
    },
    createDeploymentStatus: (_id, status) => {
      recorded.deployments.push(status);
      return Promise.resolve();
    },
  };
  return port as GitHubPort;
}

/** True once the check run was completed with `conclusion` (at least `times` times). */
export const concluded = (recorded: RecordedGitHub, conclusion: string, times = 1): boolean =>
  recorded.updates.filter((u) => 'conclusion' in u.update && u.update.conclusion === conclusion).length >= times;
