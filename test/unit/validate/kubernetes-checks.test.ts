// The API server's checks that schemas miss, one object at a time.
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { runKubernetesChecks } from '../../../src/validate/checks/run-kubernetes-checks.js';
import { isQuantity, quantityValue } from '../../../src/validate/quantity.js';

function check(yaml: string): string[] {
  const [object] = loadManifests('x.yaml', yaml).objects;
  if (!object) throw new Error('no object in test YAML');
  return runKubernetesChecks(object).map((e) => `${e.rule} ${e.path}`);
}

describe('Kubernetes checks', () => {
  test.each([
    ['v1', 'ConfigMap', 'app.config-1', []],
    ['v1', 'ConfigMap', 'App', ['metadata-name /metadata/name']],
    ['v1', 'Service', 'web.front', ['metadata-name /metadata/name']],
    ['v1', 'Service', '1web', ['metadata-name /metadata/name']],
    ['v1', 'Namespace', 'team.a', ['metadata-name /metadata/name']],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:aggregate-to-view', []],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'a/b', ['metadata-name /metadata/name']],
    ['example.com/v1', 'Service', 'web.front', []],
  ])('names: %s %s %j', (apiVersion, kind, name, expected) => {
    expect(check(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: "${name}"\n`)).toEqual(expected);
  });

  test('needs a name or a valid generateName prefix, and a valid namespace', () => {
    expect(check('apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: pi-\n')).toEqual([]);
    expect(check('apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: Pi_\n')).toEqual(['metadata-name /metadata/generateName']);
    expect(check('apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n')).toEqual(['metadata-name /metadata']);
    expect(check('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: Team_A}\n')).toEqual(['metadata-namespace /metadata/namespace']);
  });

  test('label keys and values in metadata, pod templates and selectors; annotation keys', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {"app.kubernetes.io/name": web, "-bad": x, ok: "has space"}
  annotations: {"Example.COM/Owner": me, "a/b/c": x}
spec:
  selector:
    matchLabels: {app: "web!"}
  template:
    metadata:
      labels: {app: web, "": empty}
    spec:
      containers: [{name: web, image: nginx}]
`;
    expect(check(deployment)).toEqual([
      'labels /metadata/labels/-bad',
      'labels /metadata/labels/ok',
      'annotations /metadata/annotations/a/b/c',
      'labels /spec/template/metadata/labels/',
      'labels /spec/selector/matchLabels/app',
    ]);
  });

  test('resources: no negative quantities, requests within limits (init containers and CronJobs too)', () => {
    const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - {name: setup, image: busybox, resources: {requests: {memory: 1Gi}, limits: {memory: 512Mi}}}
          containers:
            - {name: run, image: busybox, resources: {requests: {cpu: "-1"}}}
`;
    expect(check(cronJob)).toEqual([
      'resources /spec/jobTemplate/spec/template/spec/initContainers/0/resources/requests/memory',
      'resources /spec/jobTemplate/spec/template/spec/containers/0/resources/requests/cpu',
    ]);
  });

  test.each([
    ['100m', 0.1],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['2e3', 2000],
    ['.5', 0.5],
    ['1E', 1e18],
    [256000, 256000],
  ])('quantity %j is %d', (text, value) => {
    expect(isQuantity(text)).toBe(true);
    expect(quantityValue(text)).toBeCloseTo(value);
  });

  test.each(['1.5 Gi', '100MB', '1e', 'Gi', '', '1Ki2', ' 1'])('%j is not a quantity', (text) => {
    expect(isQuantity(text)).toBe(false);
    expect(quantityValue(text)).toBeUndefined();
  });
});
