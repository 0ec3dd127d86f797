// Sync throughput: N objects (half Deployments, half ConfigMaps) applied to a
// fresh namespace of the local control plane by kubegate's apply mode (dry-run
// of every object, ApplySet parent, server-side apply) and by
// `kubectl apply --server-side` on the same file. Each run gets its own fresh
// namespace. Prints the medians, the ratio and the target (kubegate at most
// half of kubectl's time).
//   node bench/sync-throughput.mjs [count] [--no-build]
// Starts the control plane (test/cluster/cli.mjs up) and stops it afterwards,
// unless it was already running. Builds dist/ first unless --no-build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, controlPlane, stopControlPlane } from './lib/control-plane.mjs';

const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 500);
const RUNS = 3;
const TARGET_RATIO = 0.5;

function manifests(ns) {
  const docs = [];
  for (let i = 0; i < COUNT / 2; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns}, labels: {app: app-${i}, tier: bench}}
spec:
  replicas: 2
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
      - name: app
        image: registry.example.com/app:v${i % 7}
        ports: [{containerPort: 8080}]
        resources: {requests: {cpu: 100m, memory: 64Mi}}
`);
    docs.push(`apiVersion: v1
kind: ConfigMap
metadata: {name: config-${i}, namespace: ${ns}}
data: {index: "${i}", settings.json: '{"feature": true}'}
`);
  }
  return docs.join('---\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  buildDist(args);
  const { createClusterClient } = await import('../dist/cluster/index.js');
  const { syncWithApply } = await import('../dist/sync/index.js');
  const { loadManifests } = await import('../dist/manifests/index.js');
  const plane = controlPlane();
  const work = mkdtempSync(join(tmpdir(), 'kubegate-sync-bench-'));
  const setup = createClusterClient({ kubeconfigPath: plane.kubeconfig, fieldManager: 'bench-setup' });
  let n = 0;
  const freshNamespace = async (who) => {
    const ns = `bench-sync-${who}-${Date.now().toString(36)}-${n++}`;
    await setup.apply({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    return ns;
  };
  try {
    const kubegate = async () => {
      const ns = await freshNamespace('kubegate');
      const text = manifests(ns);
      const started = performance.now();
      const { objects } = loadManifests('apps.yaml', text);
      const client = createClusterClient({ kubeconfigPath: plane.kubeconfig });
      const result = await syncWithApply({ client, environment: 'bench', cluster: 'local', objects, namespace: ns, prune: false, recreate: false, waitForRollout: false, timeoutMs: 600_000 });
      const ms = performance.now() - started;
      if (result.status !== 'succeeded') throw new Error(`kubegate: ${result.reason}`);
      return { ms, reason: result.reason };
    };
    const kubectl = async () => {
      const ns = await freshNamespace('kubectl');
      const file = join(work, `${ns}.yaml`);
      writeFileSync(file, manifests(ns));
      const started = performance.now();
      const r = spawnSync('kubectl', ['apply', '--server-side', '--field-manager=kubegate', '--force-conflicts', '-f', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, KUBECONFIG: plane.kubeconfig } });
      const ms = performance.now() - started;
      if (r.status !== 0) throw new Error(`kubectl exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
      return { ms, applied: (r.stdout.match(/serverside-applied/g) ?? []).length };
    };
    await kubegate(); // warm the apiserver for both sides alike
    await kubectl();
    const ours = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await kubegate());
      theirs.push(await kubectl());
    }
    const t = { kubegate: median(ours.map((r) => r.ms)), kubectl: median(theirs.map((r) => r.ms)) };
    const ratio = t.kubegate / t.kubectl;
    console.log(`objects: ${COUNT} (${COUNT / 2} Deployments, ${COUNT / 2} ConfigMaps), a fresh namespace per run`);
    console.log(`kubegate apply mode (median of ${RUNS}): ${Math.round(t.kubegate)} ms   [${ours[0].reason}; dry-run of all + ApplySet + apply]`);
    console.log(`kubectl apply --server-side (median of ${RUNS}): ${Math.round(t.kubectl)} ms   [${theirs[0].applied} serverside-applied]`);
    console.log(`ratio kubegate / kubectl: ${ratio.toFixed(2)}   [target <= ${TARGET_RATIO.toFixed(2)}: ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}]`);
    console.log(`peak RSS of the bench process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    stopControlPlane(plane);
  }
}

await main();
