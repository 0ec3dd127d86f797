// The dry-run diff engine against the local control plane: refusals become
// results with the server's message (immutable field, admission policy,
// unknown kind, forbidden, invalid), namespaces are defaulted, objects removed
// from Git are reported, and an unreachable cluster is a result, not a hang.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { createClusterClient, dryRunEnvironment, type ClusterClient } from '../../src/cluster/index.js';
import type { ManifestObject } from '../../src/core/types.js';
import { buildDiffCheck, buildEnvironmentDiff, findRemovedObjects, type EnvironmentDiff } from '../../src/diff/index.js';
import { loadManifests } from '../../src/manifests/index.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';

function objects(text: string, file = 'env/app.yaml'): ManifestObject[] {
  const loaded = loadManifests(file, text);
  expect(loaded.errors).toEqual([]);
  return loaded.objects;
}

async function diffOf(text: string, options: { client?: ClusterClient; base?: string; defaultNamespace?: string } = {}): Promise<EnvironmentDiff> {
  const head = objects(text);
  const base = options.base === undefined ? [] : objects(options.base);
  const dryRun = await dryRunEnvironment({
    client: options.client ?? clusterClient(),
    environment: 'staging',
    cluster: 'local',
    objects: head,
    removed: findRemovedObjects(base, head, options.defaultNamespace),
    ...(options.defaultNamespace ? { defaultNamespace: options.defaultNamespace } : {}),
  });
  return buildEnvironmentDiff(dryRun);
}

async function applyLive(text: string): Promise<void> {
  const client = clusterClient({ fieldManager: 'kubectl-client-side-apply' });
  for (const o of objects(text)) await client.apply({ object: o.body as never });
}

function deployment(ns: string, selector: string, replicas: number | string = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${selector}}
  template:
    metadata: {labels: {app: ${selector}}}
    spec:
      containers: [{name: web, image: nginx}]
`;
}

describe('dry-run diff engine', () => {
  test('an immutable field: an error result with the server message, at the field line', async () => {
    const ns = await freshNamespace('eng-immutable');
    await applyLive(deployment(ns, 'a'));
    const diff = await diffOf(deployment(ns, 'b'));
    const [web] = diff.objects;
    expect(web?.action).toBe('error');
    expect(web?.error?.reason).toBe('Invalid');
    expect(web?.error?.message).toMatch(/field is immutable/);
    expect(web?.errorField).toEqual({ field: 'spec.selector', line: 8 });
    const check = buildDiffCheck(diff);
    expect(check).toMatchObject({ name: 'kubegate/diff (staging)', conclusion: 'failure' });
    expect(check.findings).toEqual([
      expect.objectContaining({ file: 'env/app.yaml', line: 8, rule: 'Invalid', field: 'spec.selector', environment: 'staging', level: 'failure' }),
    ]);
  });

  test('an invalid value: the finding points at the field', async () => {
    const ns = await freshNamespace('eng-invalid');
    const diff = await diffOf(deployment(ns, 'a', -1));
    expect(diff.objects[0]).toMatchObject({ action: 'error', error: { reason: 'Invalid', status: 422 }, errorField: { field: 'spec.replicas', line: 7 } });
  });

  test('denied by a ValidatingAdmissionPolicy: the policy message', async () => {
    const ns = await freshNamespace('eng-vap');
    const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: ${ns}-no-latest}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}]
  validations:
  - expression: "!has(object.data) || !('tag' in object.data) || object.data.tag != 'latest'"
    message: "tag latest is not allowed"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: ${ns}-no-latest}
spec:
  policyName: ${ns}-no-latest
  validationActions: [Deny]
  matchResources:
    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${ns}}}
`;
    await applyLive(policy);
    const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ${ns}}\ndata: {tag: latest}\n`;
    let diff = await diffOf(cm);
    for (let i = 0; i < 50 && diff.objects[0]?.action !== 'error'; i++) {
      await new Promise((r) => setTimeout(r, 200)); // the policy takes effect once the apiserver's informer saw it
      diff = await diffOf(cm);
    }
    expect(diff.objects[0]).toMatchObject({ action: 'error', error: { reason: 'Invalid' } });
    expect(diff.objects[0]?.error?.message).toMatch(/denied request: .*tag latest is not allowed/);
  });

  test('an unknown kind: an UnknownKind result; a CRD created by the same change makes its objects "as written"', async () => {
    const ns = await freshNamespace('eng-kind');
    const group = `${ns}.example.com`;
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.${group}}
spec:
  group: ${group}
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
`;
    const widget = `apiVersion: ${group}/v1\nkind: Widget\nmetadata: {name: w, namespace: ${ns}}\nspec: {size: 3}\n`;
    const alone = await diffOf(widget);
    expect(alone.objects[0]).toMatchObject({ action: 'error', error: { reason: 'UnknownKind' } });
    const together = await diffOf(`${widget}---\n${crd}`);
    expect(together.objects.map((o) => [o.ref.kind, o.action])).toEqual([
      ['CustomResourceDefinition', 'create'],
      ['Widget', 'create'],
    ]);
    expect(together.objects[1]?.note).toMatch(/CustomResourceDefinition .* is created by this change/);
    expect(together.objects[1]?.mergedText).toContain('size: 3');
    expect(buildDiffCheck(together).conclusion).toBe('success');
  });

  test('forbidden: a user without RBAC gets the server message', async () => {
    const ns = await freshNamespace('eng-forbidden');
    const client = createClusterClient({ kubeconfigPath: limitedUserKubeconfig() });
    const diff = await diffOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ${ns}}\n`, { client });
    expect(diff.objects[0]).toMatchObject({ action: 'error', error: { reason: 'Forbidden', status: 403 } });
    expect(diff.objects[0]?.error?.message).toMatch(/User "kubegate-limited" cannot/);
  });

  test('namespaced objects without a namespace get the environment default; cluster-scoped ones none', async () => {
    const ns = await freshNamespace('eng-default');
    const diff = await diffOf(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ${ns}-reader}\nrules: []\n`,
      { defaultNamespace: ns },
    );
    expect(diff.objects.map((o) => o.fileName)).toEqual([`v1.ConfigMap.${ns}.c`, `rbac.authorization.k8s.io.v1.ClusterRole..${ns}-reader`]);
    expect(diff.objects.every((o) => o.action === 'create')).toBe(true);
    expect(diff.objects[0]?.mergedText).toContain(`namespace: ${ns}`);
  });

  test('objects removed from Git: reported, kept in the cluster', async () => {
    const ns = await freshNamespace('eng-removed');
    const kept = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, namespace: ${ns}}\ndata: {a: "1"}\n`;
    const gone = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone, namespace: ${ns}}\ndata: {a: "1"}\n`;
    const never = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: never, namespace: ${ns}}\n`;
    await applyLive(`${kept}---\n${gone}`);
    const diff = await diffOf(kept, { base: `${kept}---\n${gone}---\n${never}` });
    expect(diff.objects.map((o) => [o.ref.name, o.action, o.note])).toEqual([
      ['kept', 'unchanged', undefined],
      ['never', 'removed', 'not in the cluster'],
      ['gone', 'removed', expect.stringMatching(/still in the cluster/)],
    ]);
    expect(diff.objects.every((o) => o.hunks.length === 0)).toBe(true);
  });

  test('an unreachable cluster: a result that says so, quickly, with the configured conclusion', async () => {
    const dead = join(mkdtempSync(join(tmpdir(), 'kubegate-dead-')), 'kubeconfig');
    writeFileSync(dead, readFileSync(kubeconfigPath(), 'utf8').replace(/server: https:\/\/127\.0\.0\.1:\d+/, 'server: https://127.0.0.1:1'));
    const started = Date.now();
    const diff = await diffOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`, { client: createClusterClient({ kubeconfigPath: dead }) });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(diff.unreachable?.message).toMatch(/could not be reached: .*ECONNREFUSED/);
    expect(buildDiffCheck(diff, { unreachableConclusion: 'neutral' })).toMatchObject({ conclusion: 'neutral', title: 'cluster local could not be reached' });
    expect(buildDiffCheck(diff).conclusion).toBe('failure');
  });
});

/** A kubeconfig for user "kubegate-limited" (no RBAC), with a client certificate signed by the harness CA. */
function limitedUserKubeconfig(): string {
  const pki = join(dirname(kubeconfigPath()), 'pki');
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-limited-'));
  const openssl = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  openssl(['genrsa', '-out', 'user.key', '2048']);
  openssl(['req', '-new', '-key', 'user.key', '-subj', '/CN=kubegate-limited', '-out', 'user.csr']);
  openssl(['x509', '-req', '-in', 'user.csr', '-CA', join(pki, 'ca.crt'), '-CAkey', join(pki, 'ca.key'), '-CAcreateserial', '-days', '1', '-out', 'user.crt']);
  const admin = yaml.load(readFileSync(kubeconfigPath(), 'utf8')) as { users: Array<{ user: Record<string, string> }> };
  const user = admin.users[0];
  if (!user) throw new Error('the harness kubeconfig has no user');
  user.user = {
    'client-certificate-data': readFileSync(join(dir, 'user.crt')).toString('base64'),
    'client-key-data': readFileSync(join(dir, 'user.key')).toString('base64'),
  };
  const file = join(dir, 'kubeconfig');
  writeFileSync(file, yaml.dump(admin));
  return file;
}
