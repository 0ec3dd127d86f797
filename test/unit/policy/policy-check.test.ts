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
    expect(check.summary).toContain('Objects that a cluster enforcing these policies would reject are listed below.');
    expect(check.text).toContain('| Deny | `kubegate-disallow-plain-secrets` | Secret `default/db` | `fixtures/policies/kubegate-disallow-plain-secrets/violating.yaml:7` |');
    expect(check.findings).toHaveLength(2);
  });

  it('passes with warnings listed', () => {
    const check = policyCheck(findingsFor('kubegate-warn-host-path'));
    expect(check).toMatchObject({ conclusion: 'success', title: 'No policy violations, 1 warning' });
    expect(check.text).toContain('| Warn | `kubegate-warn-host-path` |');
  });

  it('passes cleanly without findings, and lists load problems', () => {
    const check = policyCheck([], [{ file: '.kubegate/policies/x.yaml', line: 3, message: 'broken' }]);
    expect(check).toMatchObject({ conclusion: 'success', title: 'No policy violations' });
    expect(check.summary).toContain('`.kubegate/policies/x.yaml:3` broken');
    expect(check.text).toBeUndefined();
  });

  it('counts the findings left out as pre-existing, and narrows what it claims to the changed objects', () => {
    const check = policyCheck([], [], { preExisting: 2 });
    expect(check.summary).toBe(
      'No policy violations.\n\nEvery object this change creates or modifies passes the Deny policies.\n\nNot shown: 2 pre-existing findings in unchanged objects (not this change\'s doing).',
    );
    expect(policyCheck([], [], { preExisting: 1 }).summary).toContain('Not shown: 1 pre-existing finding in unchanged objects');
    expect(policyCheck([]).summary).toBe('No policy violations.\n\nEvery object passes the Deny policies.');
  });
});
