// A generated GitOps repository: COUNT manifests of the kinds a real one has
// (Deployments, Services, ConfigMaps, Ingresses, CronJobs, StatefulSets,
// Secrets, ServiceAccounts, HPAs), written as multi-document YAML files of
// `perFile` documents, with about 1% invalid objects (wrong types, bad names,
// duplicate container names, bad quantities) spread through them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';

const KINDS = [
  ['Deployment', 30],
  ['Service', 20],
  ['ConfigMap', 18],
  ['Ingress', 8],
  ['CronJob', 6],
  ['StatefulSet', 5],
  ['Secret', 5],
  ['ServiceAccount', 4],
  ['HorizontalPodAutoscaler', 4],
];
const WHEEL = KINDS.flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));

function container(i, name = `app-${i}`) {
  return {
    name,
    image: `registry.example.com/team-${i % 13}/svc-${i % 97}:${1 + (i % 5)}.${i % 10}.0`,
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'INDEX', value: String(i) },
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: i % 401 === 0 ? '256 MB' : '256Mi' } },
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
  };
}

function podTemplate(i, labels) {
  const containers = [container(i)];
  if (i % 7 === 0) containers.push(container(i, i % 409 === 0 ? `app-${i}` : `sidecar-${i}`));
  return { metadata: { labels }, spec: { serviceAccountName: `sa-${i % 50}`, containers } };
}

function manifest(kind, i) {
  const name = i % 397 === 0 ? `Web_${i}` : `${kind.toLowerCase()}-${i}`;
  const labels = { 'app.kubernetes.io/name': `app-${i}`, 'app.kubernetes.io/part-of': `shop-${i % 13}` };
  const metadata = { name, namespace: `team-${i % 13}`, labels };
  switch (kind) {
    case 'Deployment':
      return { apiVersion: 'apps/v1', kind, metadata, spec: { replicas: i % 389 === 0 ? 'three' : 2, selector: { matchLabels: labels }, template: podTemplate(i, labels) } };
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind, metadata, spec: { serviceName: name, replicas: 3, selector: { matchLabels: labels }, template: podTemplate(i, labels) } };
    case 'CronJob': {
      const template = podTemplate(i, labels);
      template.spec.restartPolicy = 'OnFailure';
      return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '*/15 * * * *', jobTemplate: { spec: { template } } } };
    }
    case 'Service':
      return { apiVersion: 'v1', kind, metadata, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } };
    case 'ConfigMap':
      return { apiVersion: 'v1', kind, metadata, data: { 'app.properties': `index=${i}\ncolour=blue\n`, LOG_LEVEL: 'info' } };
    case 'Secret':
      return { apiVersion: 'v1', kind, metadata, type: 'Opaque', data: { token: Buffer.from(`token-${i}`).toString('base64') } };
    case 'ServiceAccount':
      return { apiVersion: 'v1', kind, metadata };
    case 'HorizontalPodAutoscaler':
      return {
        apiVersion: 'autoscaling/v2',
        kind,
        metadata,
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `deployment-${i}` },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        },
      };
    default:
      return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata,
        spec: {
          ingressClassName: 'nginx',
          rules: [{ host: `app-${i}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `service-${i}`, port: { name: 'http' } } } }] } }],
        },
      };
  }
}

/** Writes the corpus under `dir`; returns the file paths and the number of manifests. */
export function writeManifestCorpus(dir, count = 10_000, perFile = 10) {
  const files = [];
  for (let start = 0; start < count; start += perFile) {
    const documents = [];
    for (let i = start; i < Math.min(count, start + perFile); i++) documents.push(dump(manifest(WHEEL[i % WHEEL.length], i), { lineWidth: -1, noRefs: true }));
    const folder = join(dir, `team-${(start / perFile) % 13}`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `app-${start / perFile}.yaml`);
    writeFileSync(file, `# generated for the validate benchmark\n${documents.join('---\n')}`);
    files.push(file);
  }
  return { files, count };
}
