// Built-in policy pack over a generated corpus of 10,000 manifests (mixed
// workloads, services, config; most comply, a few percent break a rule, as in
// a real repository). Budget: at most 2 s on one core, compiled
// expressions cached. Run after `npx tsc -p tsconfig.build.json`:
//   node bench/policy-throughput.mjs [count]
import { loadManifests } from '../dist/manifests/index.js';
import { evaluatePolicies, loadPolicies } from '../dist/policy/index.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const BUDGET_MS = 2_000;

function podSpec(i) {
  const secure = i % 41 !== 0;
  const container = {
    name: `app-${i}`,
    image: i % 53 === 0 ? 'nginx' : `registry.example.com/team-${i % 13}/svc:${1 + (i % 5)}.${i % 10}.0`,
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'INDEX', value: String(i) }, ...(i % 97 === 0 ? [{ name: 'LOG_LEVEL', value: 'debug' }] : [])],
    ...(secure ? { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], ...(i % 89 === 0 ? { add: ['NET_ADMIN'] } : {}) } } } : {}),
    ...(i % 37 !== 0 ? { resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } } } : {}),
    livenessProbe: { httpGet: { path: '/healthz', port: i % 101 === 0 ? 'metrics' : 'http' } },
  };
  return {
    ...(secure ? { securityContext: { runAsNonRoot: true, runAsUser: 10001 } } : {}),
    ...(i % 103 === 0 ? { hostNetwork: true } : {}),
    containers: [container, ...(i % 5 === 0 ? [{ ...container, name: `sidecar-${i}`, ports: [] }] : [])],
    ...(i % 107 === 0 ? { volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }] } : {}),
  };
}

function workload(kind, i) {
  const name = `${kind.toLowerCase()}-${i}`;
  const metadata = { name, namespace: `team-${i % 13}`, labels: { app: name } };
  const template = { metadata: { labels: { app: name } }, spec: podSpec(i) };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec: podSpec(i) };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { template: { ...template, spec: { ...podSpec(i), restartPolicy: 'Never' } } } };
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } } };
    default:
      return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: { app: name } }, template } };
  }
}

function other(kind, i) {
  const metadata = { name: `${kind.toLowerCase()}-${i}`, namespace: `team-${i % 13}` };
  switch (kind) {
    case 'Service':
      return { apiVersion: 'v1', kind, metadata, spec: { selector: { app: `deployment-${i}` }, ports: [{ port: 80, targetPort: 'http' }] } };
    case 'ConfigMap':
      return { apiVersion: 'v1', kind, metadata, data: { 'app.properties': `index=${i}\n` } };
    case 'Secret':
      return { apiVersion: 'v1', kind, metadata, ...(i % 20 === 0 ? { stringData: { token: 'x' } } : {}) };
    default:
      return { apiVersion: i % 113 === 0 ? 'extensions/v1beta1' : 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec: {} };
  }
}

const KINDS = ['Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'ConfigMap', 'Secret', 'Ingress'];

function corpus(count) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    docs.push(['Service', 'ConfigMap', 'Secret', 'Ingress'].includes(kind) ? other(kind, i) : workload(kind, i));
  }
  return docs.flatMap((d, i) => loadManifests(`corpus/${d.metadata.namespace}/${i}.json`, JSON.stringify(d)).objects);
}

const head = corpus(COUNT);
let t = performance.now();
const { policies, problems } = loadPolicies({ builtin: true, extra: [] });
const loadMs = performance.now() - t;
if (problems.length > 0) throw new Error(`the built-in pack does not load: ${problems.map((p) => p.message).join('; ')}`);

// CPU time is the figure: on a shared machine the wall clock also counts other processes.
const runs = [];
let findings = [];
for (let run = 0; run < 3; run++) {
  t = performance.now();
  const cpu = process.cpuUsage();
  findings = evaluatePolicies({ policies, head, base: [] });
  const used = process.cpuUsage(cpu);
  runs.push({ wall: performance.now() - t, cpu: (used.user + used.system) / 1000 });
}
const first = runs[0].cpu;
const best = Math.min(...runs.map((r) => r.cpu));
const count = (action) => findings.filter((f) => f.action === action).length;
console.log(`policy throughput: ${head.length} manifests x ${policies.policies.length} policies`);
console.log(`  load + compile pack: ${loadMs.toFixed(0)} ms`);
console.log(`  evaluate (CPU time): first run ${first.toFixed(0)} ms, best of ${runs.length} ${best.toFixed(0)} ms (${Math.round((head.length / first) * 1000)} manifests/s on the first run)`);
console.log(`  evaluate (wall clock): ${runs.map((r) => r.wall.toFixed(0)).join(', ')} ms`);
console.log(`  findings: ${findings.length} (deny ${count('Deny')}, warn ${count('Warn')})`);
console.log(`  budget ${BUDGET_MS} ms CPU for the first run: ${first <= BUDGET_MS ? 'within' : 'OVER'}`);
process.exitCode = first <= BUDGET_MS ? 0 : 1;
