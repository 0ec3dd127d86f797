// Drift latency: an environment of N ConfigMaps and one Deployment synced to a
// fresh namespace of the local control plane, watched by kubegate's drift
// watcher (default 500 ms debounce); then `kubectl scale` / `kubectl patch`
// changes it. Prints the time from the kubectl command's start to the drift
// report (the in-process report callback the check-run publisher is fed
// with), per change and the median, and the target (at most 5 s).
//   node bench/drift-latency.mjs [objects] [--no-build]
import { spawnSync } from 'node:child_process';
import { buildDist, controlPlane, stopControlPlane } from './lib/control-plane.mjs';

const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const CHANGES = 5;
const TARGET_MS = 5000;

function manifests(ns) {
  const docs = [`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
`];
  for (let i = 0; i < COUNT; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: ${ns}}\ndata: {key: v${i}}\n`);
  return docs.join('---\n');
}

async function main() {
  buildDist(args);
  const plane = controlPlane();
  try {
    const { createClusterClient } = await import('../dist/cluster/index.js');
    const { syncWithApply } = await import('../dist/sync/index.js');
    const { loadManifests } = await import('../dist/manifests/index.js');
    const { startDriftWatcher } = await import('../dist/drift/watch/create-drift-watcher.js');
    const client = createClusterClient({ kubeconfigPath: plane.kubeconfig });
    const ns = `drift-bench-${Date.now().toString(36)}`;
    await client.apply({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    const objects = loadManifests('bench.yaml', manifests(ns)).objects;
    const synced = await syncWithApply({ client, environment: 'bench', cluster: 'local', objects, namespace: ns, prune: false, recreate: false, waitForRollout: false, timeoutMs: 120_000 });
    if (synced.status !== 'succeeded') throw new Error(`sync: ${synced.reason}`);
    let waiting;
    const watcher = await startDriftWatcher({
      client, environment: 'bench', desired: objects, applySetId: synced.applySet.id, namespace: ns,
      onReport: (report) => waiting?.(report),
    });
    const next = (match) => new Promise((resolve) => { waiting = (r) => { if (match(r)) resolve(r); }; });
    await next((r) => r.drifted.length === 0);
    const kubectl = (cmd) => spawnSync('kubectl', ['--kubeconfig', plane.kubeconfig, '-n', ns, ...cmd], { stdio: 'ignore' });
    const latencies = [];
    for (let i = 0; i < CHANGES; i++) {
      const drifted = i % 2 === 0 ? ['scale', 'deployment/web', `--replicas=${3 + i}`] : ['patch', `configmap/cm-${i}`, '--type=merge', '-p', `{"data":{"key":"edit-${i}"}}`];
      const started = performance.now();
      const seen = next((r) => r.drifted.length > 0);
      kubectl(drifted);
      await seen;
      latencies.push(performance.now() - started);
      const back = next((r) => r.drifted.length === 0);
      await syncWithApply({ client, environment: 'bench', cluster: 'local', objects, namespace: ns, prune: false, recreate: false, waitForRollout: false, timeoutMs: 120_000 });
      await back;
    }
    await watcher.close();
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`drift latency, ${COUNT + 1} objects watched, ${CHANGES} kubectl changes (kubectl start -> drift report):`);
    console.log(`  each: ${latencies.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
    console.log(`  median ${Math.round(median)} ms, max ${Math.round(sorted.at(-1))} ms (target <= ${TARGET_MS} ms): ${sorted.at(-1) <= TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    stopControlPlane(plane);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
