import { itWithKubectl } from '../render/kubectl-available.js';
import { snapshotOf } from '../snapshot/snapshot-from-dirs.js';
import { findingLines, runWithConfig, testDeps } from './pipeline-harness.js';
import type { RunKustomizeOptions } from '../../../src/render/kustomize/run-kustomize.js';
import type { ValidatorOptions } from '../../../src/validate/types.js';

const DEPLOYMENT = (replicas: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web}\n`;
const PLAIN = 'environments:\n  - name: apps\n    paths: ["apps/**"]\n';

describe('runPipeline: files that are not plain manifests', () => {
  it('turns unreadable files into findings with clear messages, never a crash', async () => {
    const base = snapshotOf('b', {});
    const head = snapshotOf('h', {
      'apps/bin.yaml': Buffer.from([0x61, 0, 0x62]),
      'apps/latin1.yaml': Buffer.from('kind: caf\xe9\n', 'latin1'),
      'apps/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [a\n',
      'apps/big.yaml': { path: 'apps/big.yaml', type: 'file', size: 9_000_000, hash: 'h1' },
      'apps/link.yaml': { path: 'apps/link.yaml', type: 'symlink', size: 5, hash: 'h2', linkTarget: '../x.yaml' },
      'apps/sub.yaml': { path: 'apps/sub.yaml', type: 'submodule', size: 0, hash: 'h3' },
      'apps/README.md': '# not a manifest\n',
      'apps/skipped.yaml': { path: 'apps/skipped.yaml', type: 'file', size: 10, hash: 'h4' },
    });
    const report = await runWithConfig(base, head, PLAIN);
    const lines = findingLines(report);
    expect(lines).toEqual([
      expect.stringMatching(/^apps\/big\.yaml:1 failure apps\/big\.yaml is 9000000 bytes, over the 1048576-byte limit/),
      expect.stringMatching(/^apps\/bin\.yaml:1 failure apps\/bin\.yaml contains NUL bytes/),
      expect.stringMatching(/^apps\/broken\.yaml:6 failure YAML syntax error/),
      expect.stringMatching(/^apps\/latin1\.yaml:1 failure apps\/latin1\.yaml is not valid UTF-8/),
      'apps/link.yaml:1 warning apps/link.yaml is a symbolic link to "../x.yaml": links are not followed; the file it points to is validated when it is part of an environment',
      'apps/skipped.yaml:1 warning apps/skipped.yaml has no content in the snapshot (it was not downloaded): not validated',
      'apps/sub.yaml:1 warning apps/sub.yaml is a git submodule: kubegate does not check out submodules, so its manifests are not validated',
    ]);
    expect(report.checks[0]?.conclusion).toBe('failure');
    expect(report.checks[0]?.title).toBe('4 errors of 4 resources');
  });

  it('without a config, validates changed YAML/JSON that look like manifests and ignores everything else', async () => {
    const base = snapshotOf('b', { 'deploy/web.yaml': DEPLOYMENT('1') });
    const head = snapshotOf('h', {
      'deploy/web.yaml': DEPLOYMENT('"two"'),
      'deploy/extra.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'package.json': '{"name": "x"}',
      'chart/templates/x.yaml': 'metadata:\n  name: {{ .Values.name }\n',
      'docs/logo.yaml': Buffer.from([0, 1, 2]),
    });
    const report = await runWithConfig(base, head, undefined);
    expect(findingLines(report)).toEqual(['deploy/web.yaml:6 failure Deployment web: spec.replicas: expected integer or null, but got string']);
    expect(report.checks[0]?.title).toBe('1 invalid of 2 resources');
    expect(report.checks[0]?.summary).toContain('No `.github/kubegate.yml` on the default branch');
  });

  it('does not validate deleted files, and says how many there were', async () => {
    const base = snapshotOf('b', { 'apps/old.yaml': DEPLOYMENT('"bad"') });
    const report = await runWithConfig(base, snapshotOf('h', {}), PLAIN);
    expect(report.checks[0]).toMatchObject({ conclusion: 'success', findings: [] });
    expect(report.checks[0]?.summary).toContain('1 file deleted by this change (not validated).');
  });

  it('passes the validation settings and the repository CRDs to the validator', async () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.com}',
      'spec: {group: example.com, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: []}',
      '',
    ].join('\n');
    const base = snapshotOf('b', { 'crds/widget.yaml': crd });
    const head = snapshotOf('h', { 'crds/widget.yaml': crd, 'apps/w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' });
    const seen: ValidatorOptions[] = [];
    const config = `${PLAIN}validation:\n  strict: false\n  skipKinds: [Gadget]\n`;
    const report = await runWithConfig(base, head, config, testDeps({}, seen));
    expect(report.checks[0]).toMatchObject({ conclusion: 'success', title: '1 resource valid' });
    expect(seen[0]).toMatchObject({ strict: false, skipKinds: ['Gadget'], kubernetesVersion: '1.33.13', ignoreMissingSchemas: false });
    expect(seen[0]?.crds?.map((c) => c.name)).toEqual(['widgets.example.com']);
  });

  it('masks Secret values wherever a message quotes them', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  token: hunter2-very-secret\n';
    const quoting = testDeps({
      createValidator: () => ({
        validate: async (objects) =>
          objects.map((o) => ({ file: o.source.file, object: o, status: 'invalid' as const, msg: 'x', validationErrors: [{ path: '/stringData/token', segments: ['stringData', 'token'], msg: `bad value "hunter2-very-secret"` }] })),
      }),
    });
    const report = await runWithConfig(snapshotOf('b', {}), snapshotOf('h', { 'apps/s.yaml': secret }), PLAIN, quoting);
    expect(findingLines(report)).toEqual(['apps/s.yaml:5 failure Secret s: stringData.token: bad value "***"']);
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });
});

describe('runPipeline: Kustomize', () => {
  const KUSTOMIZE = 'environments:\n  - name: prod\n    render: kustomize\n    paths: ["overlays/*"]\n';
  const baseFiles = {
    'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'base/deployment.yaml': DEPLOYMENT('1'),
    'overlays/prod/kustomization.yaml': 'resources: [../../base]\nnameSuffix: -prod\npatches:\n  - path: patch.yaml\n',
    'overlays/prod/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
    'overlays/other/kustomization.yaml': 'resources: [cm.yaml]\n',
    'overlays/other/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
  };

  itWithKubectl('re-renders the overlay when only its patch changes, and points at the patch line that sets the field', async () => {
    const head = snapshotOf('h', { ...baseFiles, 'overlays/prod/patch.yaml': baseFiles['overlays/prod/patch.yaml'].replace('replicas: 3', 'replicas: "3"') });
    const report = await runWithConfig(snapshotOf('b', baseFiles), head, KUSTOMIZE);
    expect(findingLines(report)).toEqual([
      'overlays/prod/patch.yaml:6 failure Deployment web-prod: spec.replicas: expected integer or null, but got string (as rendered for environment prod)',
    ]);
    expect(report.checks[0]?.summary).toContain('rendered `overlays/prod`, 1 resource: 1 invalid');
  });

  it('does not validate a patch as a plain manifest (it is a partial object)', async () => {
    const head = snapshotOf('h', { ...baseFiles, 'overlays/prod/patch.yaml': baseFiles['overlays/prod/patch.yaml'].replace('replicas: 3', 'replicas: "3"') });
    const report = await runWithConfig(snapshotOf('b', baseFiles), head, undefined);
    expect(report.checks[0]).toMatchObject({ conclusion: 'success', title: 'No Kubernetes manifests changed', findings: [] });
  });

  it('refuses remote resources without fetching them, and never runs kustomize for that overlay', async () => {
    const calls: RunKustomizeOptions[] = [];
    const head = snapshotOf('h', { ...baseFiles, 'overlays/prod/kustomization.yaml': 'resources:\n  - github.com/example/app//deploy?ref=v1\n' });
    const deps = testDeps({ runKustomize: async (o) => (calls.push(o), '') });
    // No policies: the overlay is not rendered at the base either (policies would render it there for oldObject).
    const report = await runWithConfig(snapshotOf('b', baseFiles), head, `${KUSTOMIZE}policies: {builtin: false}\n`, deps);
    expect(calls).toEqual([]);
    expect(findingLines(report)).toEqual([
      'overlays/prod/kustomization.yaml:2 failure remote resources "github.com/example/app//deploy?ref=v1" is not fetched: kubegate renders only what is in the repository (overlay overlays/prod)',
    ]);
  });

  it('says clearly that kubectl is missing, as a finding on the overlay', async () => {
    const head = snapshotOf('h', { ...baseFiles, 'base/deployment.yaml': DEPLOYMENT('2') });
    const deps = testDeps({ runKustomize: async (o) => (await import('../../../src/render/kustomize/run-kustomize.js')).runKustomize({ ...o, kubectl: 'no-such-kubectl' }) });
    const report = await runWithConfig(snapshotOf('b', baseFiles), head, KUSTOMIZE, deps);
    expect(findingLines(report)).toEqual([expect.stringMatching(/^overlays\/prod\/kustomization\.yaml:1 failure kubectl is not installed \(not found on PATH\)/)]);
    expect(report.checks[0]?.title).toBe('1 error of 1 resource');
  });

  itWithKubectl('marks an overlay affected when a file it reads is deleted, and reports the kustomize error', async () => {
    const { ['overlays/other/cm.yaml']: _gone, ...rest } = baseFiles;
    const report = await runWithConfig(snapshotOf('b', baseFiles), snapshotOf('h', rest), KUSTOMIZE);
    expect(findingLines(report)).toEqual([expect.stringMatching(/^overlays\/other\/kustomization\.yaml:1 failure kubectl kustomize overlays\/other failed: .*cm\.yaml/)]);
  });
});
