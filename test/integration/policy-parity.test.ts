// Parity: every built-in policy, loaded into a real kube-apiserver (v1.33),
// must reach the same verdict as kubegate on the policy's violating and
// passing fixtures: deny (403 "denied request"), warn (a Warning header) or
// allow. Each policy's binding is narrowed to its own fresh namespace, so the
// cases stay independent; objects go through server-side apply with dryRun=All.
import { readFileSync } from 'node:fs';
import type { ManifestObject } from '../../src/core/types.js';
import type { KubeObject } from '../../src/cluster/index.js';
import { type HttpResponse, sendRequest } from '../../src/cluster/send-request.js';
import { loadManifests } from '../../src/manifests/index.js';
import { evaluatePolicies, loadPolicies, type PolicySet } from '../../src/policy/index.js';
import { resourceInfo } from '../../src/policy/match/resource-names.js';
import { clusterClient, freshNamespace, kubeConfig } from '../setup/cluster-env.js';
import { FIXTURE_DIR, POLICY_DIR } from '../unit/policy/helpers/manifests.js';

type Verdict = 'deny' | 'warn' | 'allow';
type Outcome = Verdict | `rejected before admission: ${string}`;

/** Policies a real apiserver cannot enforce, and why (kubegate.dev/kubegate-only says the same). */
const KUBEGATE_ONLY: Record<string, string> = {
  'kubegate-removed-api-versions': 'the apiserver does not serve removed API versions, so it rejects those objects as unknown kinds before admission',
};

/**
 * Violating cases the apiserver rejects before admission policies run, even
 * when created with a plain POST (tried second): the verdict is still "deny",
 * and the rejection must name the same problem.
 */
const REJECTED_BEFORE_ADMISSION: Record<string, RegExp> = {
  // apps validation compares the selector with the template labels first.
  'kubegate-selector-matches-template': /selector.*does not match template.*labels/,
};

const { policies: pack, problems } = loadPolicies({ builtin: true, extra: [] });
const cases = pack.policies.map((p) => p.name).filter((name) => !(name in KUBEGATE_ONLY)).sort();

function only(name: string): PolicySet {
  return { ...pack, policies: pack.policies.filter((p) => p.name === name), bindings: pack.bindings.filter((b) => b.policyName === name) };
}

function fixtureObjects(name: string, kind: 'violating' | 'passing'): ManifestObject[] {
  return loadManifests(`${kind}.yaml`, readFileSync(`${FIXTURE_DIR}${name}/${kind}.yaml`, 'utf8')).objects;
}

function inNamespace(object: ManifestObject, namespace: string): ManifestObject {
  const metadata = { ...(object.body.metadata as Record<string, unknown>), namespace };
  return { ...object, namespace, body: { ...object.body, metadata } };
}

function kubegateVerdict(name: string, object: ManifestObject): Verdict {
  const findings = evaluatePolicies({ policies: only(name), head: [object], base: [] });
  if (findings.some((f) => f.action === 'Deny')) return 'deny';
  return findings.some((f) => f.action === 'Warn') ? 'warn' : 'allow';
}

function objectPath(object: ManifestObject, namespace: string): string {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
  const { resource, namespaced } = resourceInfo(group ?? '', object.kind, new Map());
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return `${prefix}${namespaced ? `/namespaces/${namespace}` : ''}/${resource}/${object.name}`;
}

function statusMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : body;
  } catch {
    return body;
  }
}

async function send(object: ManifestObject, namespace: string, method: 'PATCH' | 'POST'): Promise<HttpResponse> {
  const path = objectPath(object, namespace);
  if (method === 'POST') {
    const body = JSON.stringify(object.body);
    return sendRequest(kubeConfig(), { method, path: path.slice(0, path.lastIndexOf('/')), query: { dryRun: 'All' }, contentType: 'application/json', body });
  }
  const query = { fieldManager: 'kubegate-parity', force: 'true', dryRun: 'All' };
  return sendRequest(kubeConfig(), { method, path, query, contentType: 'application/apply-patch+yaml', body: JSON.stringify(object.body) });
}

/** Server-side apply (as kubegate syncs); when that fails before admission, a plain create. */
async function apiserverOutcome(name: string, object: ManifestObject, namespace: string): Promise<Outcome> {
  const applied = outcomeOf(name, await send(object, namespace, 'PATCH'));
  if (!applied.startsWith('rejected before admission')) return applied;
  const created = outcomeOf(name, await send(object, namespace, 'POST'));
  return created.startsWith('rejected before admission') ? applied : created;
}

function outcomeOf(name: string, response: HttpResponse): Outcome {
  const policyTag = `ValidatingAdmissionPolicy '${name}'`;
  if (response.status >= 200 && response.status < 300) {
    const warning = [response.headers.warning ?? ''].flat().join('\n');
    return warning.includes(policyTag) ? 'warn' : 'allow';
  }
  const message = statusMessage(response.body);
  if (message.includes(policyTag) && message.includes('denied request')) return 'deny';
  return `rejected before admission: ${response.status} ${message}`;
}

function normalize(name: string, outcome: Outcome): Outcome {
  const before = REJECTED_BEFORE_ADMISSION[name];
  return before && outcome.startsWith('rejected before admission') && before.test(outcome) ? 'deny' : outcome;
}

function kubeObject(object: ManifestObject, body: Record<string, unknown> = object.body): KubeObject {
  return { ...body, apiVersion: object.apiVersion, kind: object.kind, metadata: { ...(body.metadata as object), name: object.name } };
}

/** The policy as written, and its binding narrowed to the test namespace. */
function policyDocuments(name: string, namespace: string): KubeObject[] {
  const [policy, binding] = loadManifests(`${name}.yaml`, readFileSync(`${POLICY_DIR}${name}.yaml`, 'utf8')).objects;
  if (!policy || !binding) throw new Error(`policies/${name}.yaml must hold a policy and a binding`);
  const spec = binding.body.spec as Record<string, unknown>;
  const matchResources = { ...(spec.matchResources as object | undefined), namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } };
  return [kubeObject(policy), kubeObject(binding, { ...binding.body, spec: { ...spec, matchResources } })];
}

async function waitUntilEnforced(name: string, namespace: string): Promise<void> {
  const probe = inNamespace(fixtureObjects(name, 'violating')[0] as ManifestObject, namespace);
  const expected = kubegateVerdict(name, probe);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (normalize(name, await apiserverOutcome(name, probe, namespace)) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const namespaces = new Map<string, string>();

beforeAll(async () => {
  expect(problems).toEqual([]);
  const client = clusterClient({ fieldManager: 'kubegate-parity' });
  for (const name of cases) {
    const namespace = await freshNamespace(`parity-${name.replace(/^kubegate-/, '')}`);
    namespaces.set(name, namespace);
    for (const object of policyDocuments(name, namespace)) await client.apply({ object });
  }
  for (const name of cases) await waitUntilEnforced(name, namespaces.get(name) ?? '');
}, 180_000);

describe('kubegate and kube-apiserver agree on the built-in pack', () => {
  it('leaves out only kubegate-only policies, each with a reason', () => {
    const excluded = pack.policies.filter((p) => !cases.includes(p.name));
    for (const policy of excluded) {
      expect(policy.kubegateOnly).toBeDefined();
      expect(KUBEGATE_ONLY[policy.name]).toBeDefined();
    }
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(cases)('%s', (name) => {
    it.each(['violating', 'passing'] as const)('%s fixtures', async (kind) => {
      const namespace = namespaces.get(name) ?? '';
      const action = pack.bindings.find((b) => b.policyName === name)?.validationActions[0];
      for (const fixture of fixtureObjects(name, kind)) {
        const object = inNamespace(fixture, namespace);
        const kubegate = kubegateVerdict(name, object);
        const apiserver = normalize(name, await apiserverOutcome(name, object, namespace));
        expect({ object: `${object.kind}/${object.name}`, kubegate, apiserver }).toEqual({ object: `${object.kind}/${object.name}`, kubegate, apiserver: kubegate });
        expect(kubegate).toBe(kind === 'passing' ? 'allow' : action === 'Deny' ? 'deny' : 'warn');
      }
    });
  });
});
