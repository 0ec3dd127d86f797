// Parity: a CRD carrying x-kubernetes-validations at every kind of schema node
// (fixtures/manifests/crd-rules), installed into a real kube-apiserver; each
// custom resource goes through server-side apply with dryRun=All, and
// kubegate's verdict (valid or invalid) must be the apiserver's, with every
// rule message kubegate reports present in the apiserver's answer.
import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../src/cluster/index.js';
import { sendRequest } from '../../src/cluster/send-request.js';
import type { ManifestObject } from '../../src/core/types.js';
import { loadManifests } from '../../src/manifests/index.js';
import { createValidator } from '../../src/validate/create-validator.js';
import { CRD_RULES_CHECK } from '../../src/validate/crd-validators.js';
import { clusterClient, eventually, freshNamespace, kubeConfig } from '../setup/cluster-env.js';

const FIXTURES = new URL('../../fixtures/manifests/crd-rules/', import.meta.url);

function load(name: string): ManifestObject[] {
  return loadManifests(name, readFileSync(new URL(name, FIXTURES), 'utf8')).objects;
}

const [crd] = load('widget-crd.yaml');
const widgets = load('widgets.yaml');

interface Verdict {
  status: 'valid' | 'invalid';
  /** kubegate: the rule messages; apiserver: its whole message. */
  messages: string[];
}

async function kubegateVerdicts(): Promise<Map<string, Verdict>> {
  const results = await createValidator({ crds: crd ? [crd] : [] }).validate(widgets);
  return new Map(
    results.map((r) => [
      r.object?.name ?? '',
      { status: r.status === 'valid' ? 'valid' : 'invalid', messages: r.validationErrors.filter((e) => e.rule === CRD_RULES_CHECK).map((e) => e.msg) },
    ]),
  );
}

async function apiserverVerdict(object: ManifestObject, namespace: string): Promise<Verdict & { httpStatus: number }> {
  const body = { ...object.body, metadata: { ...(object.body.metadata as object), namespace } };
  const response = await sendRequest(kubeConfig(), {
    method: 'PATCH',
    path: `/apis/rules.kubegate.dev/v1/namespaces/${namespace}/widgets/${object.name}`,
    query: { fieldManager: 'kubegate-parity', force: 'true', dryRun: 'All' },
    contentType: 'application/apply-patch+yaml',
    body: JSON.stringify(body),
  });
  const ok = response.status >= 200 && response.status < 300;
  const message = ok ? '' : ((JSON.parse(response.body) as { message?: string }).message ?? response.body);
  return { status: ok ? 'valid' : 'invalid', messages: ok ? [] : [message], httpStatus: response.status };
}

/** The fixed texts a failed rule can report: each message, or "failed rule: RULE" for rules without one. */
function ruleTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(ruleTexts);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = Array.isArray(record['x-kubernetes-validations'])
    ? (record['x-kubernetes-validations'] as Array<{ rule: string; message?: string }>).map((r) => r.message ?? `failed rule: ${r.rule}`)
    : [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== 'x-kubernetes-validations').flatMap(([, child]) => ruleTexts(child))];
}

let namespace = '';
let kubegate = new Map<string, Verdict>();

beforeAll(async () => {
  if (!crd) throw new Error('widget-crd.yaml holds no CRD');
  const client = clusterClient({ fieldManager: 'kubegate-parity' });
  await client.apply({ object: crd.body as KubeObject });
  await eventually('the Widget CRD is Established', async () => {
    const live = await client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: crd.name });
    const conditions = ((live.status ?? {}) as { conditions?: Array<{ type: string; status: string }> }).conditions ?? [];
    return conditions.some((c) => c.type === 'Established' && c.status === 'True');
  });
  namespace = await freshNamespace('crd-rules-parity');
  const probe = widgets[0] as ManifestObject;
  // Established comes a moment before the new resource is served everywhere.
  await eventually('the widgets resource is served', async () => (await apiserverVerdict(probe, namespace)).httpStatus !== 404);
  kubegate = await kubegateVerdicts();
}, 60_000);

describe('kubegate and kube-apiserver agree on x-kubernetes-validations', () => {
  test('the fixtures cover valid and invalid objects', () => {
    expect(widgets.length).toBeGreaterThanOrEqual(15);
    expect([...kubegate.values()].filter((v) => v.status === 'valid')).toHaveLength(1);
  });

  test.each(widgets.map((w) => [w.name, w] as const))('%s', async (_name, object) => {
    const ours = kubegate.get(object.name);
    const theirs = await apiserverVerdict(object, namespace);
    expect({ object: object.name, status: ours?.status }).toEqual({ object: object.name, status: theirs.status });
    const answer = (theirs.messages[0] ?? '').toLowerCase();
    for (const message of ours?.messages ?? []) expect(answer).toContain(message.toLowerCase());
    // And the other way round: no rule failure the apiserver reports is missing from kubegate's.
    const reported = (ours?.messages ?? []).join('\n').toLowerCase();
    for (const text of ruleTexts(crd?.body).map((t) => t.toLowerCase())) expect({ text, kubegate: reported.includes(text) }).toEqual({ text, kubegate: answer.includes(text) });
  });
});
