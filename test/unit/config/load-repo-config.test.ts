import { readFileSync } from 'node:fs';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import { loadRepoConfigFromSnapshot } from '../../../src/config/load-repo-config-from-snapshot.js';

const FULL = `# kubegate config
environments:
  - name: staging
    cluster: staging-eu
    render: kustomize
    paths: [overlays/staging]
  - name: apps
    paths:
      - "apps/**/*.yaml"
    namespace: apps
validation:
  kubernetesVersion: "1.32.0"
  strict: false
  skipKinds: [SealedSecret]
policies:
  builtin: true
`;

describe('loadRepoConfig', () => {
  it('returns the implicit environment and schema defaults when there is no file', () => {
    const r = loadRepoConfig(undefined);
    expect(r).toEqual({
      ok: true,
      source: 'default',
      config: {
        environments: [{ name: 'default', paths: ['**/*.yaml', '**/*.yml', '**/*.json'], render: 'plain', implicit: true }],
        validation: {
          kubernetesVersion: '1.33.13',
          strict: true,
          skipKinds: [],
          rejectKinds: [],
          schemaLocations: ['default'],
          ignoreMissingSchemas: false,
        },
      },
    });
  });

  it('treats an empty file as a file with all defaults', () => {
    const r = loadRepoConfig('# nothing yet\n');
    expect(r.ok && r.source).toBe('file');
    expect(r.ok && r.config.validation.strict).toBe(true);
  });

  it('reads every field and fills the missing ones from the schema defaults', () => {
    const r = loadRepoConfig(FULL);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.config.environments).toEqual([
      { name: 'staging', cluster: 'staging-eu', render: 'kustomize', paths: ['overlays/staging'] },
      { name: 'apps', paths: ['apps/**/*.yaml'], render: 'plain', namespace: 'apps' },
    ]);
    expect(r.config.validation).toEqual({
      kubernetesVersion: '1.32.0',
      strict: false,
      skipKinds: ['SealedSecret'],
      rejectKinds: [],
      schemaLocations: ['default'],
      ignoreMissingSchemas: false,
    });
    expect(r.config.policies).toEqual({ builtin: true, disable: [], actions: {}, exempt: [] });
  });

  it('refuses a misspelt top-level field, naming file, field, line and the likely intent', () => {
    const r = loadRepoConfig('environment:\n  - name: x\n    paths: [a.yaml]\n', '.github/kubegate.yml');
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          file: '.github/kubegate.yml',
          path: '/environment',
          line: 1,
          message: 'unknown field "environment": did you mean "environments"?',
        },
      ],
    });
  });

  it('points at the line of a nested problem', () => {
    const text = 'validation:\n  strict: true\nenvironments:\n  - name: a\n    paths: [x.yaml]\n  - name: b\n    render: helm\n    paths: [y]\n    clutser: prod\n';
    const r = loadRepoConfig(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/environments/1/render', line: 7, message: 'must be one of "plain", "kustomize" (got string "helm")' }),
        expect.objectContaining({ path: '/environments/1/clutser', line: 9, message: 'unknown field "clutser": did you mean "cluster"?' }),
      ]),
    );
    expect(r.problems).toHaveLength(2);
  });

  it('reports missing required fields, wrong types and unsafe paths', () => {
    const text = 'environments:\n  - cluster: prod\n  - name: b\n    paths: ["../outside/*.yaml"]\nvalidation:\n  kubernetesVersion: 1.33\n  strict: "yes"\n';
    const r = loadRepoConfig(text);
    if (r.ok) throw new Error('expected problems');
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, `${p.line}: ${p.message}`]));
    expect(byPath).toEqual({
      '/environments/0/name': '2: is required',
      '/environments/0/paths': '2: is required',
      '/environments/1/paths/0': '4: must be relative to the repository root and must not contain ".." (got string "../outside/*.yaml")',
      '/validation/kubernetesVersion': '6: must be a string (got number 1.33)',
      '/validation/strict': '7: must be a boolean (got string "yes")',
    });
  });

  it('reads the policies section into the policy engine\'s config, every field', () => {
    const text = [
      'policies:',
      '  builtin: false',
      '  enable: [kubegate-disallow-privileged]',
      '  disable: [kubegate-disallow-latest-tag]',
      '  actions:',
      '    kubegate-require-run-as-non-root: Warn',
      '  exempt:',
      '    - policies: [kubegate-disallow-host-namespaces]',
      '      namespaces: [kube-system, "monitoring-*"]',
      '      names: [node-exporter]',
      '      kinds: [DaemonSet]',
      '      selector:',
      '        matchLabels: {team: platform}',
      '        matchExpressions: [{key: tier, operator: In, values: [system]}]',
      '  directory: ./.kubegate/policies/',
      '',
    ].join('\n');
    const r = loadRepoConfig(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.config.policies).toEqual({
      builtin: false,
      enable: ['kubegate-disallow-privileged'],
      disable: ['kubegate-disallow-latest-tag'],
      actions: { 'kubegate-require-run-as-non-root': 'Warn' },
      exempt: [
        {
          policies: ['kubegate-disallow-host-namespaces'],
          namespaces: ['kube-system', 'monitoring-*'],
          names: ['node-exporter'],
          kinds: ['DaemonSet'],
          selector: { matchLabels: { team: 'platform' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['system'] }] },
        },
      ],
      directory: '.kubegate/policies',
    });
  });

  it('refuses a bad policy action, naming the field path and the line', () => {
    const text = 'policies:\n  actions:\n    kubegate-require-run-as-non-root: Warn\n    kubegate-disallow-latest-tag: Block\n';
    expect(loadRepoConfig(text)).toEqual({
      ok: false,
      problems: [
        {
          file: '.github/kubegate.yml',
          path: '/policies/actions/kubegate-disallow-latest-tag',
          line: 4,
          message: 'must be one of "Deny", "Warn", "Audit" (got string "Block")',
        },
      ],
    });
  });

  it('refuses unknown and mistyped fields in the policies section, at every level', () => {
    const text = [
      'policies:',
      '  builtins: true',
      '  directory: [a]',
      '  exempt:',
      '    - namespace: [kube-system]',
      '      selector: {matchLabel: {a: b}}',
      '    - kinds: DaemonSet',
      '',
    ].join('\n');
    const r = loadRepoConfig(text);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => `${p.line} ${p.path}: ${p.message}`).sort()).toEqual([
      '2 /policies/builtins: unknown field "builtins": did you mean "builtin"?',
      '3 /policies/directory: must be a string (got a list)',
      '5 /policies/exempt/0/namespace: unknown field "namespace": did you mean "namespaces"?',
      '6 /policies/exempt/0/selector/matchLabel: unknown field "matchLabel": did you mean "matchLabels"?',
      '7 /policies/exempt/1/kinds: must be a list (got string "DaemonSet")',
    ]);
  });

  it('refuses what the schema cannot say: an exemption that selects nothing, a selector operator without values', () => {
    const text = [
      'policies:',
      '  exempt:',
      '    - policies: [kubegate-disallow-privileged]',
      '    - selector:',
      '        matchExpressions: [{key: tier, operator: In}]',
      '',
    ].join('\n');
    const r = loadRepoConfig(text);
    expect(r.ok ? [] : r.problems.map((p) => `${p.line} ${p.path}: ${p.message}`)).toEqual([
      '3 /policies/exempt/0: name at least one of namespaces, names, kinds or selector (to turn a policy off, use disable)',
      '4 /policies/exempt/1/selector: matchExpressions[0]: In needs values',
    ]);
  });

  it('refuses loosely-validated sections that are not mappings', () => {
    const r = loadRepoConfig('sync: true\n');
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.message}`)).toEqual(['/sync must be a mapping (got boolean true)']);
  });

  it('reports a duplicate environment name', () => {
    const r = loadRepoConfig('environments:\n  - name: a\n    paths: [x]\n  - name: a\n    paths: [y]\n');
    expect(r.ok ? [] : r.problems).toEqual([
      { file: '.github/kubegate.yml', path: '/environments/1/name', line: 4, message: 'environment name "a" is used twice' },
    ]);
  });

  it('reports malformed YAML with its line', () => {
    const r = loadRepoConfig('environments:\n  - name: a\n   paths: [x\n', 'cfg.yml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'cfg.yml', path: '' });
    expect(r.problems[0]?.message).toMatch(/^not valid YAML: /);
    expect(r.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('accepts the demo configuration', () => {
    const text = readFileSync(new URL('../../../fixtures/demo/base/.github/kubegate.yml', import.meta.url), 'utf8');
    const r = loadRepoConfig(text);
    expect(r.ok ? 'ok' : r.problems).toBe('ok');
  });

  it('accepts the example of docs/config.md', () => {
    const doc = readFileSync(new URL('../../../docs/config.md', import.meta.url), 'utf8');
    const example = /## Example\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toContain('policies:');
    const r = loadRepoConfig(example);
    expect(r.ok ? r.config.policies?.actions : r.problems).toEqual({ 'kubegate-disallow-latest-tag': 'Warn' });
  });

  it('refuses a top-level list', () => {
    const r = loadRepoConfig('- a\n- b\n');
    expect(r.ok ? [] : r.problems.map((p) => [p.path, p.line, p.message])).toEqual([['', 1, 'must be a mapping (got a list)']]);
  });
});

describe('loadRepoConfigFromSnapshot', () => {
  const file = (path: string, content: string) => ({ path, type: 'file' as const, size: content.length, hash: 'h', content: Buffer.from(content) });

  it('uses the defaults when the snapshot has no config', () => {
    expect(loadRepoConfigFromSnapshot({ sha: 's', files: new Map() })).toMatchObject({ ok: true, source: 'default' });
  });

  it('reads the config file', () => {
    const snap = { sha: 's', files: new Map([['.github/kubegate.yml', file('.github/kubegate.yml', 'validation: {strict: false}\n')]]) };
    const r = loadRepoConfigFromSnapshot(snap);
    expect(r.ok && r.source === 'file' && r.config.validation.strict).toBe(false);
    expect(r.ok && r.source).toBe('file');
  });

  it('refuses a config that is a symlink instead of falling back to the defaults', () => {
    const link = { path: '.github/kubegate.yml', type: 'symlink' as const, size: 3, hash: 'h', linkTarget: 'x.yml' };
    expect(loadRepoConfigFromSnapshot({ sha: 's', files: new Map([[link.path, link]]) })).toEqual({
      ok: false,
      problems: [{ file: '.github/kubegate.yml', path: '', message: 'is a symlink, not a regular file: kubegate reads its config only from a regular file' }],
    });
  });
});
