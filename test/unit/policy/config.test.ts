// The repository's `policies` config: validated at the boundary, then applied.
import { evaluatePolicies, loadPolicies, parsePolicyConfig, repoPolicyFiles } from '../../../src/policy/index.js';
import { fixture } from './helpers/manifests.js';
import { policyYaml } from './helpers/policies.js';

const privileged = fixture('kubegate-disallow-privileged', 'violating');

function policiesHit(config: Record<string, unknown>, head = privileged): string[] {
  const { policies, problems } = loadPolicies({ builtin: true, extra: [], config });
  expect(problems).toEqual([]);
  return evaluatePolicies({ policies, head, base: [] }).map((f) => `${f.action} ${f.policy} ${f.name}`);
}

describe('parsePolicyConfig', () => {
  it('defaults everything when the section is absent', () => {
    expect(parsePolicyConfig(undefined)).toEqual({ config: { builtin: true, disable: [], actions: {}, exempt: [] }, problems: [] });
  });

  it('reads a full section', () => {
    const { config, problems } = parsePolicyConfig({
      builtin: true,
      enable: ['kubegate-disallow-privileged'],
      disable: ['x'],
      actions: { 'kubegate-disallow-privileged': 'Warn' },
      exempt: [{ namespaces: ['kube-*'], selector: { matchLabels: { team: 'platform' } } }],
      directory: './.kubegate/policies/',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      builtin: true,
      enable: ['kubegate-disallow-privileged'],
      disable: ['x'],
      actions: { 'kubegate-disallow-privileged': 'Warn' },
      exempt: [{ policies: [], namespaces: ['kube-*'], names: [], kinds: [], selector: { matchLabels: { team: 'platform' } } }],
      directory: '.kubegate/policies',
    });
  });

  it('says what is wrong, by path', () => {
    const { problems } = parsePolicyConfig({ actions: { a: 'Block' }, exempt: [{ policies: ['a'] }], disable: 'a', colour: 1 });
    expect(problems).toEqual([
      { path: '/policies/colour', message: expect.stringContaining('unknown field') },
      { path: '/policies/disable', message: 'must be a list of strings' },
      { path: '/policies/actions/a', message: 'must be Deny, Warn or Audit, got "Block"' },
      { path: '/policies/exempt/0', message: expect.stringContaining('name at least one of namespaces') },
    ]);
  });
});

describe('applying the config', () => {
  it('disables and enables built-ins by name', () => {
    expect(policiesHit({})).toContain('Deny kubegate-disallow-privileged priv');
    expect(policiesHit({ disable: ['kubegate-disallow-privileged'] })).not.toContain('Deny kubegate-disallow-privileged priv');
    expect(new Set(policiesHit({ enable: ['kubegate-disallow-privileged'] }).map((f) => f.split(' ')[1]))).toEqual(new Set(['kubegate-disallow-privileged']));
  });

  it('changes an action', () => {
    expect(policiesHit({ actions: { 'kubegate-disallow-privileged': 'Warn' } })).toContain('Warn kubegate-disallow-privileged priv');
  });

  it('exempts objects by namespace pattern, name, kind or label selector', () => {
    const only = { enable: ['kubegate-disallow-privileged'] };
    const head = privileged.map((o) => o);
    expect(policiesHit({ ...only, exempt: [{ names: ['priv'] }] }, head)).toEqual(['Deny kubegate-disallow-privileged priv-init', 'Deny kubegate-disallow-privileged priv-cron']);
    expect(policiesHit({ ...only, exempt: [{ kinds: ['Pod', 'CronJob'] }] }, head)).toEqual(['Deny kubegate-disallow-privileged priv']);
    expect(policiesHit({ ...only, exempt: [{ namespaces: ['def*'] }] }, head)).toEqual([]);
    expect(policiesHit({ ...only, exempt: [{ selector: { matchLabels: { app: 'priv-init' } } }] }, head)).toEqual(['Deny kubegate-disallow-privileged priv', 'Deny kubegate-disallow-privileged priv-cron']);
    expect(policiesHit({ ...only, exempt: [{ policies: ['kubegate-disallow-latest-tag'], names: ['priv'] }] }, head)).toHaveLength(3);
  });

  it('reports names the config uses that no policy has', () => {
    const { problems } = loadPolicies({ builtin: true, extra: [], config: { disable: ['kubegate-disallow-privilegd'] } });
    expect(problems).toEqual([{ file: '.github/kubegate.yml', line: 1, message: expect.stringMatching(/policies\.disable: no policy is named "kubegate-disallow-privilegd"/) }]);
  });

  it('reports an invalid section and keeps the defaults', () => {
    const { policies, problems } = loadPolicies({ builtin: true, extra: [], config: { actions: { x: 'Block' } } });
    expect(problems.map((p) => p.message)).toContain('/policies/actions/x: must be Deny, Warn or Audit, got "Block"');
    expect(policies.policies.length).toBeGreaterThan(10);
  });
});

describe('repoPolicyFiles', () => {
  const content = Buffer.from('x');
  const files = ['.kubegate/policies/b.yaml', '.kubegate/policies/a.yml', '.kubegate/policies/README.md', '.kubegate/other.yaml', 'apps/x.yaml'].map((path) => ({ path, content }));

  it('takes YAML and JSON files under the configured directory, from a snapshot', () => {
    expect(repoPolicyFiles({ directory: '.kubegate/policies' }, files)).toEqual([
      { file: '.kubegate/policies/a.yml', content },
      { file: '.kubegate/policies/b.yaml', content },
    ]);
    expect(repoPolicyFiles(parsePolicyConfig({ directory: '.kubegate/policies/' }).config, files)).toHaveLength(2);
  });

  it('takes nothing without a directory, and skips files without contents (symlinks)', () => {
    expect(repoPolicyFiles(undefined, files)).toEqual([]);
    expect(repoPolicyFiles({ directory: 'p' }, [{ path: 'p/link.yaml' }])).toEqual([]);
  });

  it('feeds loadPolicies', () => {
    const policy = policyYaml({ name: 'own', spec: '  matchConstraints:\n    resourceRules: [{apiGroups: [""], apiVersions: [v1], resources: [pods], operations: [CREATE]}]\n  validations:\n    - expression: "true"' });
    const extra = repoPolicyFiles({ directory: 'p' }, [{ path: 'p/own.yaml', content: policy }]);
    const { policies, problems } = loadPolicies({ builtin: false, extra, config: { directory: 'p' } });
    expect(problems).toEqual([]);
    expect(policies.policies.map((p) => [p.name, p.file, p.builtin])).toEqual([['own', 'p/own.yaml', false]]);
  });
});

describe('a parsed config', () => {
  it('reads back as itself', () => {
    const { config } = parsePolicyConfig({ disable: ['a'], exempt: [{ names: ['x'] }], directory: 'p' });
    expect(parsePolicyConfig(config)).toEqual({ config, problems: [] });
  });
});
