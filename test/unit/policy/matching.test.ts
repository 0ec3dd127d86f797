// Which requests a policy applies to: resource rules, selectors, operations.
import { evaluatePolicies } from '../../../src/policy/index.js';
import { manifests } from './helpers/manifests.js';
import { deployment, load } from './helpers/policies.js';

const denyAll = (constraints: string): { name: string; spec: string } => ({
  name: 'deny-all',
  spec: `  matchConstraints:\n${constraints}\n  validations:\n    - expression: "false"\n      message: matched`,
});

function matched(constraints: string, yaml: string, base = ''): string[] {
  const { set } = load([denyAll(constraints)]);
  const findings = evaluatePolicies({ policies: set, head: manifests(yaml), base: base ? manifests(base, 'base.yaml') : [] });
  return findings.map((f) => `${f.operation} ${f.kind}/${f.name}`);
}

const rules = (groups: string, versions: string, resources: string, operations = '[CREATE, UPDATE]', extra = ''): string =>
  `    resourceRules:\n      - apiGroups: ${groups}\n        apiVersions: ${versions}\n        resources: ${resources}\n        operations: ${operations}\n${extra}`;

const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n';
const widget = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gizmos.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Gizmo, plural: gizmos}
---
apiVersion: example.com/v1
kind: Gizmo
metadata: {name: g1}
`;

describe('resource rules', () => {
  it('match group, version and plural resource (a table for built-ins, CRDs from the manifests)', () => {
    expect(matched(rules('[networking.k8s.io]', '[v1]', '[ingresses]'), ingress)).toEqual(['CREATE Ingress/web']);
    expect(matched(rules('[networking.k8s.io]', '[v1beta1]', '[ingresses]'), ingress)).toEqual([]);
    expect(matched(rules('["*"]', '["*"]', '[gizmos]', '[CREATE]', '        scope: Cluster'), widget)).toEqual(['CREATE Gizmo/g1']);
    expect(matched(rules('["*"]', '["*"]', '[gizmos]', '[CREATE]', '        scope: Namespaced'), widget)).toEqual([]);
  });

  it('ignore subresource rules and honour wildcards', () => {
    expect(matched(rules('[apps]', '[v1]', '["deployments/status"]'), deployment('web'))).toEqual([]);
    expect(matched(rules('[apps]', '[v1]', '["deployments/*"]'), deployment('web'))).toEqual(['CREATE Deployment/web']);
    expect(matched(rules('["*"]', '["*"]', '["*"]'), deployment('web'))).toEqual(['CREATE Deployment/web']);
  });

  it('match operations: CREATE (new), UPDATE (at base too), DELETE (gone at head)', () => {
    const both = rules('[apps]', '[v1]', '[deployments]', '["*"]');
    expect(matched(both, deployment('web'), deployment('web'))).toEqual(['UPDATE Deployment/web']);
    expect(matched(both, deployment('new'), deployment('old'))).toEqual(['CREATE Deployment/new', 'DELETE Deployment/old']);
    expect(matched(rules('[apps]', '[v1]', '[deployments]', '[CREATE]'), deployment('web'), deployment('web'))).toEqual([]);
  });

  it('skip excluded resources and names outside resourceNames', () => {
    const exclude = `${rules('["*"]', '["*"]', '["*"]')}    excludeResourceRules:\n      - {apiGroups: [apps], apiVersions: ["*"], resources: [deployments], operations: ["*"]}`;
    expect(matched(exclude, `${deployment('web')}---\n${ingress}`)).toEqual(['CREATE Ingress/web']);
    const named = rules('[apps]', '[v1]', '[deployments]', '[CREATE]', '        resourceNames: [api]');
    expect(matched(named, `${deployment('web')}---\n${deployment('api')}`)).toEqual(['CREATE Deployment/api']);
  });
});

describe('selectors', () => {
  const all = rules('["*"]', '["*"]', '[deployments]');

  it('objectSelector matches the object labels', () => {
    const selector = `${all}    objectSelector: {matchExpressions: [{key: app, operator: In, values: [api]}]}`;
    expect(matched(selector, `${deployment('web')}---\n${deployment('api')}`)).toEqual(['CREATE Deployment/api']);
  });

  it('namespaceSelector uses the labels of Namespace objects in the manifests', () => {
    const selector = `${all}    namespaceSelector: {matchLabels: {env: prod}}`;
    const prod = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {env: prod}}\n';
    expect(matched(selector, `${prod}---\n${deployment('web')}`)).toEqual(['CREATE Deployment/web']);
    expect(matched(selector, deployment('web'))).toEqual([]);
  });

  it('a namespace not in the manifests has only its kubernetes.io/metadata.name label', () => {
    const byName = `${all}    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}`;
    const notProd = `${all}    namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}`;
    expect(matched(byName, deployment('web'))).toEqual(['CREATE Deployment/web']);
    expect(matched(notProd, deployment('web'))).toEqual(['CREATE Deployment/web']);
  });

  it('the binding narrows what the policy matches', () => {
    const { set } = load([{ ...denyAll(all), binding: '  matchResources:\n    objectSelector: {matchLabels: {app: api}}' }]);
    const findings = evaluatePolicies({ policies: set, head: manifests(`${deployment('web')}---\n${deployment('api')}`), base: [] });
    expect(findings.map((f) => f.name)).toEqual(['api']);
  });
});
