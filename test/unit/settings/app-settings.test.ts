// The app's settings: loaded from KUBEGATE_SETTINGS (YAML/JSON file) or
// KUBEGATE_SETTINGS_JSON, validated with messages naming each field.
import { loadAppSettings, parseAppSettings, SettingsError } from '../../../src/settings/index.js';

const EXAMPLE = `
clusters:
  staging-eu:
    kubeconfig: kubeconfigs/staging.yaml
    context: staging
    repositories: ["acme/*"]
  production-eu:
    inCluster: true
    repositories: ["acme/platform-gitops", "Acme/Apps-*"]
allowForks: false
unreachableConclusion: neutral
dryRun: {concurrency: 4, timeoutSeconds: 60}
`;

function problems(document: unknown): readonly string[] {
  try {
    parseAppSettings(document, 'test', '/etc/kubegate');
  } catch (err: unknown) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadAppSettings', () => {
  test('a YAML file named by KUBEGATE_SETTINGS; relative kubeconfig paths start at the file', () => {
    const settings = loadAppSettings({ env: { KUBEGATE_SETTINGS: '/etc/kubegate/settings.yaml' }, readFile: () => EXAMPLE });
    expect([...settings.clusters.values()]).toEqual([
      { name: 'staging-eu', inCluster: false, kubeconfig: '/etc/kubegate/kubeconfigs/staging.yaml', context: 'staging', repositories: ['acme/*'], leaseNamespace: 'kube-system' },
      { name: 'production-eu', inCluster: true, repositories: ['acme/platform-gitops', 'Acme/Apps-*'], leaseNamespace: 'kube-system' },
    ]);
    expect(settings).toMatchObject({ allowForks: false, unreachableConclusion: 'neutral', dryRun: { concurrency: 4, timeoutSeconds: 60 }, source: 'KUBEGATE_SETTINGS=/etc/kubegate/settings.yaml' });
  });

  test('inline JSON in KUBEGATE_SETTINGS_JSON; defaults for what it leaves out', () => {
    const settings = loadAppSettings({ env: { KUBEGATE_SETTINGS_JSON: '{"clusters":{"dev":{"kubeconfig":"/k","repositories":["*/*"]}}}' }, cwd: '/work' });
    expect(settings).toMatchObject({ allowForks: false, unreachableConclusion: 'failure', dryRun: { concurrency: 8, timeoutSeconds: 120 } });
    expect(settings.clusters.get('dev')?.kubeconfig).toBe('/k');
  });

  test('neither set: no clusters', () => {
    expect(loadAppSettings({ env: {} }).clusters.size).toBe(0);
  });

  test('both set, unreadable file, bad syntax: one clear message each', () => {
    expect(() => loadAppSettings({ env: { KUBEGATE_SETTINGS: 'a', KUBEGATE_SETTINGS_JSON: '{}' } })).toThrow(/set only one of KUBEGATE_SETTINGS \(a file\) and KUBEGATE_SETTINGS_JSON/);
    const missing = (): string => {
      throw new Error('ENOENT: no such file or directory');
    };
    expect(() => loadAppSettings({ env: { KUBEGATE_SETTINGS: '/nope.yaml' }, readFile: missing })).toThrow(
      'kubegate app settings (KUBEGATE_SETTINGS=/nope.yaml) are not valid:\n  - the file cannot be read: ENOENT: no such file or directory',
    );
    expect(() => loadAppSettings({ env: { KUBEGATE_SETTINGS_JSON: '{clusters:' } })).toThrow(/KUBEGATE_SETTINGS_JSON\) are not valid:\n {2}- not valid JSON/);
    expect(() => loadAppSettings({ env: { KUBEGATE_SETTINGS: '/s.yaml' }, readFile: () => 'clusters:\n  a: [\n' })).toThrow(/not valid YAML: .* at line \d/);
  });
});

describe('parseAppSettings', () => {
  test('every problem, with its field', () => {
    expect(
      problems({
        clusters: {
          both: { kubeconfig: '/k', inCluster: true, repositories: ['acme/*'] },
          neither: { repositories: ['acme/*'] },
          norepos: { kubeconfig: '/k' },
          badglob: { kubeconfig: '/k', repositories: ['acme', 3], kubeconfg: 'typo' },
          'bad name': { kubeconfig: '/k', repositories: ['a/b'] },
        },
        allowForks: 'yes',
        unreachableConclusion: 'skip',
        dryRun: { concurrency: 0 },
        extra: 1,
      }),
    ).toEqual([
      'extra: unknown field (known: clusters, allowForks, unreachableConclusion, dryRun, schemaLocations, drift)',
      'allowForks: expected true or false',
      'unreachableConclusion: expected "failure" or "neutral", not "skip"',
      'clusters.both: set exactly one of kubeconfig (a file path) and inCluster: true',
      'clusters.neither: set exactly one of kubeconfig (a file path) and inCluster: true',
      'clusters.norepos.repositories: expected a list of owner/name globs (e.g. ["my-org/*"]); a cluster no repository may use is useless',
      'clusters.badglob.kubeconfg: unknown field (known: kubeconfig, context, inCluster, repositories, leaseNamespace, argocd, drift)',
      'clusters.badglob.repositories[0]: expected an owner/name glob such as "my-org/*" or "my-org/gitops", not "acme"',
      'clusters.badglob.repositories[1]: expected an owner/name glob such as "my-org/*" or "my-org/gitops", not 3',
      'clusters.bad name: a cluster name uses letters, digits, ".", "_" and "-"',
      'dryRun.concurrency: expected a whole number from 1 to 64',
    ]);
  });

  test('schemaLocations.allow: folder or URL prefixes ending in "/", default none', () => {
    expect(parseAppSettings({}, 'test', '/').schemaLocations).toEqual({ allow: [] });
    const allow = ['https://schemas.example.com/k8s/', '/srv/schemas/'];
    expect(parseAppSettings({ schemaLocations: { allow } }, 'test', '/').schemaLocations).toEqual({ allow });
    expect(problems({ schemaLocations: { allow: ['https://schemas.example.com', 'schemas/', '/srv/../etc/', 3], extra: true } })).toEqual([
      'schemaLocations.extra: unknown field (known: allow)',
      'schemaLocations.allow[0]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not "https://schemas.example.com"',
      'schemaLocations.allow[1]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not "schemas/"',
      'schemaLocations.allow[2]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not "/srv/../etc/"',
      'schemaLocations.allow[3]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not 3',
    ]);
    expect(problems({ schemaLocations: ['https://x/'] })).toEqual([
      'schemaLocations: expected a mapping with allow, a list of folder or URL prefixes (e.g. allow: ["https://schemas.example.com/k8s/"])',
    ]);
  });

  test('drift: environments at the top ("owner/name:ENVIRONMENT" globs), drift true/false per cluster; absent means none set', () => {
    const clusters = { eu: { kubeconfig: '/k', repositories: ['acme/*'] }, us: { kubeconfig: '/k', repositories: ['acme/*'], drift: false } };
    const settings = parseAppSettings({ clusters, drift: { environments: ['acme/gitops:production', 'acme/*:staging'] } }, 'test', '/');
    expect(settings.drift).toEqual({ environments: ['acme/gitops:production', 'acme/*:staging'] });
    expect(settings.clusters.get('us')?.drift).toBe(false);
    expect(settings.clusters.get('eu')).not.toHaveProperty('drift');
    expect(parseAppSettings({}, 'test', '/')).not.toHaveProperty('drift');
    expect(problems({ drift: ['acme/*:prod'] })).toEqual([
      'drift: expected a mapping with environments, a list of "owner/name:ENVIRONMENT" globs (e.g. environments: ["acme/gitops:production", "acme/*:staging"])',
    ]);
    expect(problems({ drift: { environments: ['acme/gitops', 'production', 7], watch: true } })).toEqual([
      'drift.watch: unknown field (known: environments)',
      'drift.environments[0]: expected "owner/name:ENVIRONMENT" with globs allowed (e.g. "acme/*:production"), not "acme/gitops"',
      'drift.environments[1]: expected "owner/name:ENVIRONMENT" with globs allowed (e.g. "acme/*:production"), not "production"',
      'drift.environments[2]: expected "owner/name:ENVIRONMENT" with globs allowed (e.g. "acme/*:production"), not 7',
    ]);
    expect(problems({ clusters: { eu: { ...clusters.eu, drift: 'off' } } })).toEqual(['clusters.eu.drift: expected true or false (false: no drift watching on this cluster)']);
  });

  test('not a mapping', () => {
    expect(problems(['a'])).toEqual(['expected a mapping with clusters, allowForks, unreachableConclusion, dryRun, schemaLocations, drift']);
  });
});
