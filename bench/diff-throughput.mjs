// Cluster dry-run diff throughput: N changed objects (half Deployments, half
// ConfigMaps) against the local control plane, diffed by kubegate (in-process
// and through `kubegate diff`) and by `kubectl diff --server-side` on the same
// file and the same live state. Prints the times, the ratio and peak RSS.
// Targets: kubegate <= 3 s, <= 1/3 of kubectl's time, <= 300 MB.
//   node bench/diff-throughput.mjs [count] [--no-build]
// Starts the control plane (test/cluster/cli.mjs up) and stops it afterwards,
// unless it was already running. Builds dist/ first unless --no-build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, controlPlane, root, stopControlPlane } from './lib/control-plane.mjs';

const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const RUNS = 3;
const TARGET_MS = 3_000;
const TARGET_RATIO = 1 / 3;
const TARGET_RSS_MB = 300;

function deployment(ns, i, image, replicas) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${ns}
  labels: {app: app-${i}, tier: bench}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
      - name: app
        image: ${image}
        ports: [{containerPort: 8080}]
        env: [{name: MODE, value: "${replicas > 1 ? 'scaled' : 'single'}"}]
        resources: {requests: {cpu: 100m, memory: 64Mi}}
`;
}

function configMap(ns, i, version) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: ${ns}
data:
  version: "${version}"
  settings.json: '{"feature": ${version === 'v1' ? 'false' : 'true'}, "index": ${i}}'
`;
}

function manifests(ns, version) {
  const docs = [];
  for (let i = 0; i < COUNT / 2; i++) {
    docs.push(deployment(ns, i, `registry.example.com/app:${version}`, version === 'v1' ? 1 : 2), configMap(ns, i, version));
  }
  return docs.join('---\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb) => Math.round(kb / 1024);
const headers = (text) => (text.match(/^diff -u -N /gm) ?? []).length;

async function main() {
  buildDist(args);
  const { createClusterClient, dryRunEnvironment, mapBounded } = await import('../dist/cluster/index.js');
  const { buildEnvironmentDiff, renderUnifiedDiff } = await import('../dist/diff/index.js');
  const { loadManifests } = await import('../dist/manifests/index.js');
  const plane = controlPlane();
  const work = mkdtempSync(join(tmpdir(), 'kubegate-diff-bench-'));
  try {
    const ns = `bench-diff-${Date.now().toString(36)}`;
    const setup = createClusterClient({ kubeconfigPath: plane.kubeconfig, fieldManager: 'bench-setup' });
    await setup.apply({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    const live = loadManifests('live.yaml', manifests(ns, 'v1')).objects;
    await mapBounded(live, (o) => setup.apply({ object: o.body }), { limit: 8 });
    const file = join(work, 'head.yaml');
    writeFileSync(file, manifests(ns, 'v2'));

    const kubegateInProcess = async () => {
      const started = performance.now();
      const { objects } = loadManifests(file, readFileSync(file));
      const client = createClusterClient({ kubeconfigPath: plane.kubeconfig });
      const dryRun = await dryRunEnvironment({ client, environment: 'bench', cluster: 'local', objects });
      const text = renderUnifiedDiff(buildEnvironmentDiff(dryRun));
      return { ms: performance.now() - started, changed: headers(text) };
    };
    const timed = (command, argv, env) => {
      const started = performance.now();
      const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, KUBECONFIG: plane.kubeconfig, ...env } });
      if (r.status !== 1) throw new Error(`${command} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
      return { ms: performance.now() - started, changed: headers(r.stdout), stderr: r.stderr };
    };
    const rssWrapper = `process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, 'kubegate'); await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});`;
    const kubegateCli = () => {
      const r = timed(process.execPath, ['--input-type=module', '-e', rssWrapper, 'diff', file]);
      return { ...r, rssKb: Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) };
    };
    const kubectl = () => timed('kubectl', ['diff', '--server-side', '--field-manager=kubegate', '--force-conflicts', '-f', file]);

    await kubegateInProcess(); // warm the apiserver's caches for both sides alike
    kubectl();
    const inProcess = [];
    const viaCli = [];
    const kubectlRuns = [];
    for (let i = 0; i < RUNS; i++) {
      inProcess.push(await kubegateInProcess());
      viaCli.push(kubegateCli());
      kubectlRuns.push(kubectl());
    }
    const inProcessRss = process.resourceUsage().maxRSS;
    const changed = { kubegate: inProcess[0].changed, cli: viaCli[0].changed, kubectl: kubectlRuns[0].changed };
    const t = { inProcess: median(inProcess.map((r) => r.ms)), cli: median(viaCli.map((r) => r.ms)), kubectl: median(kubectlRuns.map((r) => r.ms)) };
    const cliRss = Math.max(...viaCli.map((r) => r.rssKb));
    const ratio = t.cli / t.kubectl;
    const ok = (b) => (b ? 'ok' : 'MISSED');
    console.log(`objects changed: kubegate ${changed.kubegate}, kubegate diff ${changed.cli}, kubectl ${changed.kubectl} (of ${COUNT})`);
    console.log(`kubegate in-process (median of ${RUNS}): ${Math.round(t.inProcess)} ms`);
    console.log(`kubegate diff CLI   (median of ${RUNS}): ${Math.round(t.cli)} ms   [target <= ${TARGET_MS} ms: ${ok(t.cli <= TARGET_MS)}]`);
    console.log(`kubectl diff        (median of ${RUNS}): ${Math.round(t.kubectl)} ms`);
    console.log(`ratio kubegate CLI / kubectl: ${ratio.toFixed(2)} (in-process: ${(t.inProcess / t.kubectl).toFixed(2)})   [target <= ${TARGET_RATIO.toFixed(2)}: ${ok(ratio <= TARGET_RATIO)}]`);
    console.log(`peak RSS: kubegate diff CLI ${mb(cliRss)} MB, bench process (setup + in-process runs) ${mb(inProcessRss)} MB   [target <= ${TARGET_RSS_MB} MB: ${ok(mb(cliRss) <= TARGET_RSS_MB)}]`);
    if (changed.kubegate !== COUNT || changed.kubectl !== COUNT || changed.cli !== COUNT) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
    stopControlPlane(plane);
  }
}

await main();
