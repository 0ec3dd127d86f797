// Cluster dry-run diff throughput: N changed objects (half Deployments, half
// ConfigMaps) against the local control plane, diffed by kubegate (in-process
// and through `kubegate diff`) and by `kubectl diff --server-side` on the same
// file and the same live state, interleaved. Prints min/median/max times,
// the CPU time of each side and of the API server (Linux), both ratios and
// peak RSS. Targets: kubegate <= 3 s, <= 1/3 of kubectl's time, <= 300 MB.
//   node bench/diff-throughput.mjs [count] [--runs=N (default 5)] [--no-build]
// Starts the control plane (test/cluster/cli.mjs up) and stops it afterwards,
// unless it was already running. Builds dist/ first unless --no-build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDist, controlPlane, root, stopControlPlane } from './lib/control-plane.mjs';

const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const RUNS = Number(/^--runs=(\d+)$/.exec(args.find((a) => a.startsWith('--runs=')) ?? '')?.[1] ?? 5);
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

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const stats = (xs) => ({ min: sorted(xs)[0], median: sorted(xs)[Math.floor(xs.length / 2)], max: sorted(xs).at(-1) });
const mb = (kb) => Math.round(kb / 1024);
const headers = (text) => (text.match(/^diff -u -N /gm) ?? []).length;

/** CPU seconds of finished children of this process, and of a running process (Linux /proc; undefined elsewhere). */
const TICK_MS = 10; // USER_HZ is 100 on Linux
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return undefined;
  }
}
function processCpuMs(pidFile) {
  try {
    const pid = readFileSync(pidFile, 'utf8').trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
const minus = (a, b) => (a === undefined || b === undefined ? undefined : a - b);

async function main() {
  buildDist(args);
  const { createClusterClient, dryRunEnvironment, mapBounded } = await import('../dist/cluster/index.js');
  const { buildEnvironmentDiff, renderUnifiedDiff } = await import('../dist/diff/index.js');
  const { loadManifests } = await import('../dist/manifests/index.js');
  const plane = controlPlane();
  const apiserverPid = join(dirname(plane.kubeconfig), 'apiserver.pid');
  const work = mkdtempSync(join(tmpdir(), 'kubegate-diff-bench-'));
  try {
    const ns = `bench-diff-${Date.now().toString(36)}`;
    const setup = createClusterClient({ kubeconfigPath: plane.kubeconfig, fieldManager: 'bench-setup' });
    await setup.apply({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    const live = loadManifests('live.yaml', manifests(ns, 'v1')).objects;
    await mapBounded(live, (o) => setup.apply({ object: o.body }), { limit: 8 });
    const file = join(work, 'head.yaml');
    writeFileSync(file, manifests(ns, 'v2'));

    /** Wall time, our CPU and the API server's CPU of one measured run. */
    const measure = async (run) => {
      const server = processCpuMs(apiserverPid);
      const started = performance.now();
      const result = await run();
      return { ...result, ms: performance.now() - started, serverCpuMs: minus(processCpuMs(apiserverPid), server) };
    };
    const kubegateInProcess = () => measure(async () => {
      const cpu = process.cpuUsage();
      const { objects } = loadManifests(file, readFileSync(file));
      const client = createClusterClient({ kubeconfigPath: plane.kubeconfig });
      const dryRun = await dryRunEnvironment({ client, environment: 'bench', cluster: 'local', objects });
      const text = renderUnifiedDiff(buildEnvironmentDiff(dryRun));
      const used = process.cpuUsage(cpu);
      return { changed: headers(text), cpuMs: (used.user + used.system) / 1000 };
    });
    const timed = (command, argv, env) => measure(async () => {
      const cpu = childrenCpuMs();
      const r = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, KUBECONFIG: plane.kubeconfig, ...env } });
      if (r.status !== 1) throw new Error(`${command} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
      return { changed: headers(r.stdout), stderr: r.stderr, cpuMs: minus(childrenCpuMs(), cpu) };
    });
    const rssWrapper = `process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n')); process.argv.splice(1, 0, 'kubegate'); await import(${JSON.stringify(join(root, 'dist/cli/main.js'))});`;
    const kubegateCli = async () => {
      const r = await timed(process.execPath, ['--input-type=module', '-e', rssWrapper, 'diff', file]);
      return { ...r, rssKb: Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) };
    };
    const kubectl = () => timed('kubectl', ['diff', '--server-side', '--field-manager=kubegate', '--force-conflicts', '-f', file]);

    await kubegateInProcess(); // warm the apiserver's caches for both sides alike
    await kubectl();
    const runs = { inProcess: [], cli: [], kubectl: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.inProcess.push(await kubegateInProcess());
      runs.cli.push(await kubegateCli());
      runs.kubectl.push(await kubectl());
    }
    const inProcessRss = process.resourceUsage().maxRSS;
    const changed = { kubegate: runs.inProcess[0].changed, cli: runs.cli[0].changed, kubectl: runs.kubectl[0].changed };
    const t = Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, stats(rs.map((r) => r.ms))]));
    const cpu = (rs, field) => (rs.some((r) => r[field] === undefined) ? 'n/a' : `${Math.round(stats(rs.map((r) => r[field])).median)} ms`);
    const cliRss = Math.max(...runs.cli.map((r) => r.rssKb));
    const ratio = t.cli.median / t.kubectl.median;
    const ok = (b) => (b ? 'ok' : 'MISSED');
    const line = (label, key) => {
      const s = t[key];
      return `${label} ${Math.round(s.median)} ms (min ${Math.round(s.min)}, max ${Math.round(s.max)}); CPU ${cpu(runs[key], 'cpuMs')}, API server CPU ${cpu(runs[key], 'serverCpuMs')}`;
    };
    console.log(`objects changed: kubegate ${changed.kubegate}, kubegate diff ${changed.cli}, kubectl ${changed.kubectl} (of ${COUNT}); ${RUNS} runs each, medians`);
    console.log(line('kubegate in-process:', 'inProcess'));
    console.log(`${line('kubegate diff CLI:  ', 'cli')}   [target <= ${TARGET_MS} ms: ${ok(t.cli.median <= TARGET_MS)}]`);
    console.log(line('kubectl diff:       ', 'kubectl'));
    console.log(`ratio kubegate CLI / kubectl: ${ratio.toFixed(2)} (in-process: ${(t.inProcess.median / t.kubectl.median).toFixed(2)})   [target <= ${TARGET_RATIO.toFixed(2)}: ${ok(ratio <= TARGET_RATIO)}]`);
    console.log(`peak RSS: kubegate diff CLI ${mb(cliRss)} MB, bench process (setup + in-process runs) ${mb(inProcessRss)} MB   [target <= ${TARGET_RSS_MB} MB: ${ok(mb(cliRss) <= TARGET_RSS_MB)}]`);
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} CPUs)`);
    if (changed.kubegate !== COUNT || changed.kubectl !== COUNT || changed.cli !== COUNT) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
    stopControlPlane(plane);
  }
}

await main();
