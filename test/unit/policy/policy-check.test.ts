// The kubegate/policy check run.
import { evaluatePolicies, loadPolicies, policyCheck } from '../../../src/policy/index.js';
import { fixture } from './helpers/manifests.js';

const { policies } = loadPolicies({ builtin: true, extra: [] });
const findingsFor = (name: string): ReturnType<typeof evaluatePolicies> =>
  evaluatePolicies({ policies, head: fixture(name, 'violating'), base: [] }).filter((f) => f.policy === name);

describe('policyCheck', () => {
  it('fails on a Deny finding and lists it with its place', () => {
    const check = policyCheck(findingsFor('kubegate-disallow-plain-secrets'));
    expect(check).toMatchObject({ name: 'kubegate/policy', conclusion: 'failure', title: '2 policy violations' });
    expect(check.summary).toContain('| Deny | `kubegate-disallow-plain-secrets` | Secret `default/db` | `fixtures/policies/kubegate-disallow-plain-secrets/violating.yaml:7` |');
    expect(check.findings).toHaveLength(2);
  });

  it('passes with warnings listed', () => {
    const check = policyCheck(findingsFor('kubegate-warn-host-path'));
    expect(check).toMatchObject({ conclusion: 'success', title: 'No policy violations, 1 warning' });
    expect(check.summary).toContain('| Warn | `kubegate-warn-host-path` |');
  });

  it('passes cleanly without findings, and lists load problems', () => {
    const check = policyCheck([], [{ file: '.kubegate/policies/x.yaml', line: 3, message: 'broken' }]);
    expect(check).toMatchObject({ conclusion: 'success', title: 'No policy violations' });
    expect(check.summary).toContain('`.kubegate/policies/x.yaml:3` broken');
  });
});
