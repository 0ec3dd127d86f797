// What the cluster benchmarks share: build dist/ (unless --no-build), and the
// local control plane (started when it is not running; `started` says whether
// the benchmark must stop it again).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const clusterCli = join(root, 'test/cluster/cli.mjs');

export function buildDist(args) {
  if (args.includes('--no-build')) return;
  // Other parts of the tree may not type-check while they are being written; tsc still emits.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'ignore' });
}

export function controlPlane() {
  const status = spawnSync(process.execPath, [clusterCli, 'status'], { encoding: 'utf8' });
  if (status.status === 0) return { kubeconfig: status.stdout.trim().split('\n').pop(), started: false };
  const up = spawnSync(process.execPath, [clusterCli, 'up'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (up.status !== 0) throw new Error('the control plane did not start (see above)');
  return { kubeconfig: up.stdout.trim().split('\n').pop(), started: true };
}

export function stopControlPlane(plane) {
  if (plane.started) spawnSync(process.execPath, [clusterCli, 'down', '--quiet'], { stdio: 'inherit' });
}
