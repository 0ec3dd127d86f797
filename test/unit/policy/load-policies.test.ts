// Loading: broken policies become problems that say where and what; the
// others still load and run.
import { evaluatePolicies, loadPolicies } from '../../../src/policy/index.js';
import { manifests } from './helpers/manifests.js';
import { DEPLOYMENT_RULES, deployment, load, policyYaml } from './helpers/policies.js';

const good = { name: 'good', spec: `${DEPLOYMENT_RULES}\n  validations:\n    - expression: object.spec.replicas > 1\n      message: run at least two replicas` };

describe('loadPolicies', () => {
  it('reports a CEL syntax error with the file, the policy, the field and the position, and runs the other policies', () => {
    const broken = { name: 'broken', spec: `${DEPLOYMENT_RULES}\n  validations:\n    - expression: "object.spec.replicas >"` };
    const { set, problems } = load([broken, good], { allowProblems: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'policies/broken.yaml', line: 13, policy: 'broken' });
    expect(problems[0]?.message).toMatch(/ValidatingAdmissionPolicy "broken": spec\.validations\[0\]\.expression: syntax error at line 1, column 23 of the expression/);
    expect(set.policies.map((p) => p.name)).toEqual(['good']);
    const findings = evaluatePolicies({ policies: set, head: manifests(deployment('web')), base: [] });
    expect(findings.map((f) => f.policy)).toEqual(['good']);
  });

  it('explains that authorizer is not supported', () => {
    const spec = `${DEPLOYMENT_RULES}\n  validations:\n    - expression: authorizer.group("apps").resource("deployments").check("delete").allowed()`;
    const { problems } = load([{ name: 'authz', spec }], { allowProblems: true });
    expect(problems[0]?.message).toMatch(/"authorizer" is not supported by kubegate/);
  });

  it('reports a policy without a binding and a binding without its policy', () => {
    const unbound = policyYaml(good).split('---')[0] ?? '';
    const orphan = `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata: {name: orphan}\nspec: {policyName: missing, validationActions: [Deny]}\n`;
    const { problems } = loadPolicies({ builtin: false, extra: [{ file: 'a.yaml', content: unbound }, { file: 'b.yaml', content: orphan }] });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('"missing" names no loaded policy'),
      expect.stringContaining('ValidatingAdmissionPolicy "good" has no ValidatingAdmissionPolicyBinding'),
    ]);
  });

  it('rejects bindings that combine Deny and Warn, and objects that are not policies', () => {
    const { problems } = load([{ ...good, actions: '[Deny, Warn]' }], { allowProblems: true });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/Deny and Warn cannot be combined/);
    const configMap = loadPolicies({ builtin: false, extra: [{ file: 'c.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }] });
    expect(configMap.problems[0]?.message).toMatch(/ConfigMap "x" is not a policy/);
  });

  it('reports missing matchConstraints and non-string expressions', () => {
    const { problems } = load([{ name: 'bad', spec: '  validations:\n    - expression: 42' }], { allowProblems: true });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('spec.matchConstraints is required'),
      expect.stringContaining('spec.validations[0].expression must be a non-empty CEL expression'),
    ]);
  });

  it('reports a second policy with a name already taken', () => {
    const { set, problems } = load([good, { ...good }], { allowProblems: true });
    expect(set.policies).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/is already defined in policies\/good\.yaml:1/);
  });

  it('loads the built-in pack unless told not to', () => {
    expect(loadPolicies({ builtin: true, extra: [] }).policies.policies.length).toBeGreaterThanOrEqual(15);
    expect(loadPolicies({ builtin: true, extra: [], config: { builtin: false } }).policies.policies).toEqual([]);
    expect(loadPolicies({ builtin: false, extra: [] }).policies.policies).toEqual([]);
  });
});
