// Evaluating a matched policy: variables, params, matchConditions,
// failurePolicy, messages, actions and lines.
import { evaluatePolicies, type PolicySet } from '../../../src/policy/index.js';
import { manifests } from './helpers/manifests.js';
import { DEPLOYMENT_RULES, deployment, load } from './helpers/policies.js';

function run(set: PolicySet, head: string, base = ''): ReturnType<typeof evaluatePolicies> {
  return evaluatePolicies({ policies: set, head: manifests(head), base: base ? manifests(base, 'base.yaml') : [] });
}

const validation = (expression: string, extra = ''): string => `${DEPLOYMENT_RULES}\n  validations:\n    - expression: ${JSON.stringify(expression)}\n${extra}`;

describe('validations', () => {
  it('sees oldObject on UPDATE (null on CREATE)', () => {
    const { set } = load([{ spec: validation('oldObject == null || object.spec.replicas >= oldObject.spec.replicas', '      message: do not scale down in Git') }]);
    expect(run(set, deployment('web', '', 3), deployment('web', '', 2))).toEqual([]);
    expect(run(set, deployment('web', '', 1), deployment('web', '', 2)).map((f) => f.message)).toEqual(['do not scale down in Git']);
    expect(run(set, deployment('web', '', 1))).toEqual([]);
  });

  it('maps actions to levels: Deny failure, Warn warning, Audit notice', () => {
    for (const [action, level] of [['Deny', 'failure'], ['Warn', 'warning'], ['Audit', 'notice']] as const) {
      const { set } = load([{ spec: validation('false'), actions: `[${action}]` }]);
      expect(run(set, deployment('web')).map((f) => [f.action, f.level])).toEqual([[action, level]]);
    }
  });

  it('uses messageExpression, falls back to message, then to the expression', () => {
    const withExpr = load([{ spec: validation('false', "      message: static\n      messageExpression: \"'replicas: ' + string(object.spec.replicas)\"") }]).set;
    const broken = load([{ spec: validation('false', '      message: static\n      messageExpression: object.nope.nope') }]).set;
    const bare = load([{ spec: validation('object.spec.replicas > 5') }]).set;
    expect(run(withExpr, deployment('web')).map((f) => f.message)).toEqual(['replicas: 1']);
    expect(run(broken, deployment('web')).map((f) => f.message)).toEqual(['static']);
    expect(run(bare, deployment('web')).map((f) => f.message)).toEqual(['failed expression: object.spec.replicas > 5']);
  });

  it('marks findings on an UPDATE that leaves the object as it was, and only those', () => {
    const { set } = load([{ spec: validation('object.spec.replicas > 1') }]);
    const findings = (head: string, base: string): Array<[string, boolean]> => run(set, head, base).map((f) => [f.operation, f.unchanged === true]);
    expect(findings(deployment('web'), deployment('web'))).toEqual([['UPDATE', true]]);
    expect(findings(deployment('web'), deployment('web', '', 0))).toEqual([['UPDATE', false]]);
    expect(findings(deployment('web'), '')).toEqual([['CREATE', false]]);
  });

  it('reports the line of the field the expression is about', () => {
    const { set } = load([{ spec: validation("object.spec.template.spec.containers.all(c, c.image.endsWith(':2.0'))") }]);
    const [finding] = run(set, deployment('web'));
    expect(finding).toMatchObject({ line: 13, field: 'spec.template.spec.containers', file: 'app.yaml', namespace: 'shop', kind: 'Deployment' });
    expect(finding?.fieldPath).toEqual(['spec', 'template', 'spec', 'containers']);
  });
});

describe('runtime errors follow failurePolicy', () => {
  const erroring = validation('object.spec.missing.field == 1');

  it('Fail: the error is a violation with the binding action', () => {
    const { set } = load([{ spec: `  failurePolicy: Fail\n${erroring}` }]);
    expect(run(set, deployment('web')).map((f) => f.message)).toEqual([expect.stringMatching(/could not be evaluated \(failurePolicy Fail\): No such key: missing/)]);
  });

  it('Ignore: the error is skipped', () => {
    const { set } = load([{ spec: `  failurePolicy: Ignore\n${erroring}` }]);
    expect(run(set, deployment('web'))).toEqual([]);
  });
});

describe('variables and matchConditions', () => {
  it('computes variables lazily: an unused failing variable does no harm', () => {
    const spec = `${DEPLOYMENT_RULES}\n  variables:\n    - {name: broken, expression: object.nope.nope}\n    - {name: replicas, expression: object.spec.replicas}\n  validations:\n    - expression: variables.replicas > 1\n      message: too few`;
    const { set } = load([{ spec }]);
    expect(run(set, deployment('web')).map((f) => f.message)).toEqual(['too few']);
  });

  it('skips objects whose matchConditions are false', () => {
    const spec = `${DEPLOYMENT_RULES}\n  matchConditions:\n    - {name: only-api, expression: "object.metadata.name == 'api'"}\n  validations:\n    - expression: "false"`;
    const { set } = load([{ spec }]);
    expect(run(set, `${deployment('web')}---\n${deployment('api')}`).map((f) => f.name)).toEqual(['api']);
  });

  it('sees namespaceObject and request', () => {
    const spec = validation("namespaceObject.metadata.name == 'shop' && request.operation == 'CREATE' && request.resource.resource == 'deployments'");
    expect(run(load([{ spec }]).set, deployment('web'))).toEqual([]);
  });
});

describe('params', () => {
  const paramSpec = `  paramKind: {apiVersion: v1, kind: ConfigMap}\n${validation('object.spec.replicas <= int(params.data.maxReplicas)', '      messageExpression: "\'at most \' + params.data.maxReplicas + \' replicas\'"')}`;
  const limits = (name: string, max: number, labels = '{}'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop, labels: ${labels}}\ndata: {maxReplicas: "${max}"}\n`;

  it('reads the params object named by paramRef from the manifests', () => {
    const { set } = load([{ spec: paramSpec, binding: '  paramRef: {name: limits, parameterNotFoundAction: Deny}' }]);
    expect(run(set, `${limits('limits', 3)}---\n${deployment('web', '', 5)}`).map((f) => f.message)).toEqual(['at most 3 replicas']);
  });

  it('evaluates once per params object a selector picks', () => {
    const { set } = load([{ spec: paramSpec, binding: '  paramRef: {selector: {matchLabels: {kind: limit}}, parameterNotFoundAction: Deny}' }]);
    const head = `${limits('a', 3, '{kind: limit}')}---\n${limits('b', 4, '{kind: limit}')}---\n${limits('c', 1)}---\n${deployment('web', '', 5)}`;
    expect(run(set, head).map((f) => f.message)).toEqual(['at most 3 replicas', 'at most 4 replicas']);
  });

  it('missing params: Deny reports, Allow skips', () => {
    const deny = load([{ spec: paramSpec, binding: '  paramRef: {name: limits, parameterNotFoundAction: Deny}' }]).set;
    const allow = load([{ spec: paramSpec, binding: '  paramRef: {name: limits, parameterNotFoundAction: Allow}' }]).set;
    expect(run(deny, deployment('web')).map((f) => f.message)).toEqual([expect.stringMatching(/no params found/)]);
    expect(run(allow, deployment('web'))).toEqual([]);
  });
});
