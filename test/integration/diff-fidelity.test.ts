// kubegate's diff against `kubectl diff --server-side --field-manager=kubegate
// --force-conflicts` on the same manifests and the same live state: the same
// objects change, the same fields change, and (kubegate's YAML being kubectl's)
// the same +/- lines, apart from what kubegate leaves out on purpose
// (generation, resourceVersion, uid, creationTimestamp, status,
// last-applied-configuration). Skipped when kubectl is not on PATH.
import { freshNamespace } from '../setup/cluster-env.js';
import {
  changedFieldsByObject,
  hasKubectl,
  kubectlApply,
  kubectlDiff,
  kubegateDiff,
  parseUnifiedDiff,
  withoutIgnoredLines,
  writeManifest,
} from './diff-kubectl.js';

const describeWithKubectl = hasKubectl ? describe : describe.skip;

function deployment(ns: string, name: string, containers: string, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app: ${name}${extra}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
${containers}
`;
}

interface Compared {
  kubectlObjects: string[];
  kubegateObjects: string[];
  kubectlFields: Map<string, string[]>;
  kubegateFields: Map<string, string[]>;
  kubectlText: string;
  kubegateText: string;
  kubectlStatus: number | null;
}

async function compare(head: string): Promise<Compared> {
  const file = writeManifest(head);
  const short = kubectlDiff(file);
  expect(short.stderr).toBe('');
  const full = kubectlDiff(file, true);
  const kubectlFull = parseUnifiedDiff(full.stdout);
  const kubegateFull = parseUnifiedDiff(await kubegateDiff(file, true));
  const kubegateText = await kubegateDiff(file);
  return {
    kubectlObjects: [...parseUnifiedDiff(short.stdout).keys()].sort(),
    kubegateObjects: [...parseUnifiedDiff(kubegateText).keys()].sort(),
    kubectlFields: changedFieldsByObject(kubectlFull),
    kubegateFields: changedFieldsByObject(kubegateFull),
    kubectlText: short.stdout,
    kubegateText,
    kubectlStatus: short.status,
  };
}

/** +/- lines per object of full-context diffs, without the lines kubegate drops. */
async function changeLines(head: string): Promise<{ kubectl: Map<string, string[]>; kubegate: Map<string, string[]> }> {
  const file = writeManifest(head);
  const strip = (m: Map<string, { changes: string[] }>): Map<string, string[]> =>
    new Map([...m].map(([k, v]) => [k, withoutIgnoredLines(v.changes)] as [string, string[]]).filter(([, v]) => v.length > 0));
  return {
    kubectl: strip(parseUnifiedDiff(kubectlDiff(file, true).stdout)),
    kubegate: strip(parseUnifiedDiff(await kubegateDiff(file, true))),
  };
}

function expectSameChanges(c: Compared): void {
  expect(c.kubegateObjects).toEqual(c.kubectlObjects);
  expect(Object.fromEntries(c.kubegateFields)).toEqual(Object.fromEntries(c.kubectlFields));
}

describeWithKubectl('kubegate diff vs kubectl diff --server-side', () => {
  test('creations: the same objects and fields, server-side defaults included', async () => {
    const ns = await freshNamespace('fid-create');
    const head = [
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ${ns}}\ndata: {mode: fast, replicas: "3"}\n`,
      deployment(ns, 'web', '      - name: web\n        image: nginx:1.27\n        ports: [{containerPort: 80}]'),
      `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  clusterIP: None\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    ].join('---\n');
    const c = await compare(head);
    expect(c.kubectlStatus).toBe(1);
    expect(c.kubectlObjects).toEqual([`apps.v1.Deployment.${ns}.web`, `v1.ConfigMap.${ns}.settings`, `v1.Service.${ns}.web`]);
    expectSameChanges(c);
    // defaults the server adds appear in both
    expect(c.kubegateFields.get(`apps.v1.Deployment.${ns}.web`)).toEqual(
      expect.arrayContaining(['spec.strategy.type', 'spec.template.spec.containers[0].imagePullPolicy', 'spec.revisionHistoryLimit']),
    );
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
  });

  test('updates of a client-side-applied object: same fields and same changed lines', async () => {
    const ns = await freshNamespace('fid-update');
    kubectlApply(deployment(ns, 'api', '      - name: api\n        image: api:1.0\n        env: [{name: LOG, value: info}]'));
    const head = deployment(ns, 'api', '      - name: api\n        image: api:1.1\n        env: [{name: LOG, value: debug}, {name: NEW, value: "1"}]');
    const c = await compare(head);
    expectSameChanges(c);
    expect(c.kubegateFields.get(`apps.v1.Deployment.${ns}.api`)).toEqual([
      'spec.template.spec.containers[0].env[0].value',
      'spec.template.spec.containers[0].env[1].name',
      'spec.template.spec.containers[0].env[1].value',
      'spec.template.spec.containers[0].image',
    ]);
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
  });

  test('list-map merge: containers owned by another manager stay, matched by name', async () => {
    const ns = await freshNamespace('fid-merge');
    kubectlApply(
      deployment(ns, 'shop', '      - name: shop\n        image: shop:1\n      - name: proxy\n        image: envoy:1'),
      { serverSide: 'platform-team' },
    );
    const head = deployment(ns, 'shop', '      - name: shop\n        image: shop:2');
    const c = await compare(head);
    expectSameChanges(c);
    const fields = c.kubegateFields.get(`apps.v1.Deployment.${ns}.shop`) ?? [];
    expect(fields.some((f) => f.includes('image'))).toBe(true);
    expect(fields.some((f) => /containers\[1\]/.test(f))).toBe(false);
    expect(c.kubegateText).not.toMatch(/^-.*envoy/m);
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
  });

  test('removals of fields kubegate applied before, and unchanged objects left out', async () => {
    const ns = await freshNamespace('fid-remove');
    const cm = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: ${ns}, labels: {tier: web, team: a}}\ndata: {${data}}\n`;
    const same = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same, namespace: ${ns}}\ndata: {x: "1"}\n`;
    kubectlApply(`${cm('a: "1", b: "2", c: "3"')}---\n${same}`, { serverSide: 'kubegate' });
    const head = `${cm('a: "1", b: "20"').replace(', team: a', '')}---\n${same}`;
    const c = await compare(head);
    expectSameChanges(c);
    expect(c.kubegateObjects).toEqual([`v1.ConfigMap.${ns}.app`]);
    expect(c.kubegateFields.get(`v1.ConfigMap.${ns}.app`)).toEqual(['data.b', 'data.c', 'metadata.labels.team']);
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
  });

  test('a Secret: masked in both, with (before)/(after) on the changed key', async () => {
    const ns = await freshNamespace('fid-secret');
    const secret = (data: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: ${ns}}\nstringData: {${data}}\n`;
    kubectlApply(secret('user: admin-user, password: old-s3cret-value'), { serverSide: 'ops' });
    const head = secret('user: admin-user, password: new-s3cret-value, token: tok-123456');
    const c = await compare(head);
    expectSameChanges(c);
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
    expect(lines.kubegate.get(`v1.Secret.${ns}.creds`)).toEqual(["-  password: '*** (before)'", "+  password: '*** (after)'", "+  token: '***'"]);
    for (const text of [c.kubegateText, c.kubectlText]) {
      for (const plain of ['admin-user', 'old-s3cret-value', 'new-s3cret-value', 'tok-123456']) {
        expect(text).not.toContain(plain);
        expect(text).not.toContain(Buffer.from(plain).toString('base64'));
      }
    }
  });

  test('many objects of one kind in a namespace (live state read with one LIST): same objects and lines', async () => {
    const ns = await freshNamespace('fid-many');
    const cm = (i: number, v: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ${ns}}\ndata: {v: "${v}"}\n`;
    kubectlApply(Array.from({ length: 12 }, (_, i) => cm(i, 'old')).join('---\n'), { serverSide: 'kubegate' });
    const head = Array.from({ length: 16 }, (_, i) => cm(i, i % 3 === 0 ? 'new' : 'old')).join('---\n');
    const c = await compare(head);
    expectSameChanges(c);
    expect(c.kubegateObjects).toHaveLength(4 + 4); // c0, c3, c6, c9 change; c12..c15 are new
    const lines = await changeLines(head);
    expect(Object.fromEntries(lines.kubegate)).toEqual(Object.fromEntries(lines.kubectl));
  });
});
