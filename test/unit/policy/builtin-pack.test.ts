// Every built-in policy: well-formed, documented, bound, and right about its
// own violating and passing fixtures.
import { readFileSync } from 'node:fs';
import { evaluatePolicies, loadPolicies, type PolicyFinding } from '../../../src/policy/index.js';
import { FIXTURE_DIR, fixture, packPolicyNames } from './helpers/manifests.js';

const { policies: pack, problems } = loadPolicies({ builtin: true, extra: [] });
const names = packPolicyNames();

function markedLines(policy: string): number[] {
  const text = readFileSync(`${FIXTURE_DIR}${policy}/violating.yaml`, 'utf8');
  return text.split('\n').flatMap((line, i) => (line.endsWith('# <- finding') ? [i + 1] : []));
}

function findingsOf(policy: string, kind: 'violating' | 'passing'): Map<string, PolicyFinding[]> {
  const objects = fixture(policy, kind);
  const findings = evaluatePolicies({ policies: pack, head: objects, base: [] });
  const byObject = new Map<string, PolicyFinding[]>(objects.map((o) => [`${o.kind}/${o.name}`, []]));
  for (const f of findings) byObject.get(`${f.kind}/${f.name}`)?.push(f);
  return byObject;
}

describe('the built-in policy pack', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
    expect(pack.policies.map((p) => p.name).sort()).toEqual(names);
  });

  it('has at least the policies the README promises', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'kubegate-disallow-privileged',
        'kubegate-disallow-privilege-escalation',
        'kubegate-disallow-host-namespaces',
        'kubegate-warn-host-path',
        'kubegate-disallow-runtime-socket',
        'kubegate-require-run-as-non-root',
        'kubegate-disallow-dangerous-capabilities',
        'kubegate-disallow-latest-tag',
        'kubegate-require-resource-requests',
        'kubegate-require-memory-limit',
        'kubegate-selector-matches-template',
        'kubegate-unique-env-names',
        'kubegate-probe-port-declared',
        'kubegate-removed-api-versions',
        'kubegate-disallow-plain-secrets',
      ]),
    );
  });

  it('points findings at the field they are about', () => {
    const findings = evaluatePolicies({ policies: pack, head: fixture('kubegate-disallow-latest-tag', 'violating'), base: [] });
    const own = findings.filter((f) => f.policy === 'kubegate-disallow-latest-tag');
    expect(own.map((f) => [f.kind, f.field, f.line])).toEqual([
      ['Deployment', 'spec.template.spec.containers[0].image', 21],
      ['Pod', 'spec.containers[0].image', 58],
    ]);
  });

  describe.each(names)('%s', (name) => {
    const policy = pack.policies.find((p) => p.name === name);
    const binding = pack.bindings.find((b) => b.policyName === name);

    it('has a rationale, a field path for its findings, one binding and a file named after it', () => {
      expect(policy?.rationale?.length ?? 0).toBeGreaterThan(40);
      expect(policy?.validations.every((v) => v.fieldPath !== undefined)).toBe(true);
      expect(policy?.file).toBe(`policies/${name}.yaml`);
      expect(binding?.validationActions.length).toBe(1);
    });

    it('flags every violating fixture, with an actionable message on the offending field\'s line', () => {
      const byObject = findingsOf(name, 'violating');
      expect(byObject.size).toBeGreaterThan(0);
      const lines: number[] = [];
      for (const [object, findings] of byObject) {
        const own = findings.filter((f) => f.policy === name);
        expect({ object, count: own.length }).toEqual({ object, count: 1 });
        const f = own[0];
        expect(f?.action).toBe(binding?.validationActions[0]);
        expect(f?.message).toMatch(/;|use /);
        lines.push(f?.line ?? 0);
      }
      // The fixture marks the line each object's finding belongs on with "# <- finding".
      expect(lines).toEqual(markedLines(name));
      expect(lines.length).toBe(byObject.size);
    });

    it('passes every passing fixture (which also passes every Deny policy)', () => {
      for (const [object, findings] of findingsOf(name, 'passing')) {
        const relevant = findings.filter((f) => f.policy === name || f.action === 'Deny');
        expect({ object, findings: relevant.map((f) => f.policy) }).toEqual({ object, findings: [] });
      }
    });
  });
});
