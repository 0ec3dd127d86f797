// The cluster diff step of the pull-request pipeline, with an injected
// DiffEnvironment made of the real pure diff engine (no cluster): which
// environments are sent, with which objects, and where the results go in the
// report and the sticky comment.
import { createDiffEnvironment } from '../../../src/cluster/index.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { Report } from '../../../src/core/types.js';
import type { DiffEnvironment, EnvironmentDiffRequest } from '../../../src/diff/index.js';
import { defaultPipelineDeps } from '../../../src/pipeline/default-pipeline-deps.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import type { PipelineInput } from '../../../src/pipeline/types.js';
import { renderComment, renderCommentMarkdown } from '../../../src/report/render-comment.js';
import { parseAppSettings } from '../../../src/settings/index.js';
import { applySetParent } from '../../../src/sync/applyset-parent.js';
import type { ValidatorOptions } from '../../../src/validate/types.js';
import { fakeCluster } from '../diff/fake-cluster.js';
import { snapshotOf } from '../snapshot/snapshot-from-dirs.js';
import { testDeps } from './pipeline-harness.js';
import { pureDiffEnvironment } from './pure-diff-environment.js';

const configMap = (name: string, data: Record<string, string>): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;

const deployment = (name: string, replicas: number | string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${JSON.stringify(replicas)}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: nginx:1.27\n`;

const CONFIG = `environments:
  - name: apps
    cluster: staging-eu
    namespace: apps
    paths: ["apps/**"]
  - name: tools
    paths: ["tools/**"]
  - name: edge
    cluster: edge
    paths: ["edge/**"]
  - name: gone
    cluster: staging-eu
    paths: ["gone/**"]
  - name: quiet
    cluster: staging-eu
    paths: ["quiet/**"]
policies:
  builtin: false
`;

const base = snapshotOf('b', {
  'apps/settings.yaml': configMap('settings', { level: 'info' }),
  'apps/old.yaml': configMap('old', { a: '1' }),
  'gone/x.yaml': configMap('x', { a: '1' }),
  'quiet/q.yaml': configMap('q', { a: '1' }),
});
const head = snapshotOf('h', {
  'apps/settings.yaml': configMap('settings', { level: 'debug' }),
  'tools/t.yaml': configMap('t', { a: '1' }),
  'edge/proxy.yaml': configMap('proxy', { port: '80' }),
  'quiet/q.yaml': configMap('q', { a: '1' }),
});

const input = (over: Partial<PipelineInput> = {}): PipelineInput => ({
  base,
  head,
  config: loadRepoConfig(CONFIG),
  pullRequest: { repository: 'acme/gitops', fromFork: false },
  ...over,
});

const names = (report: Report): string[] => report.checks.map((c) => `${c.name}: ${c.conclusion}: ${c.title}`);

describe('runPipeline: the cluster diff of each affected environment', () => {
  test('each affected environment naming a cluster gets a check after validate and policy, and its sections in the order of the config', async () => {
    const requests: EnvironmentDiffRequest[] = [];
    const report = await runPipeline(input(), testDeps({ diffEnvironment: pureDiffEnvironment(requests) }));
    expect(names(report)).toEqual([
      'kubegate/validate: success: 3 resources valid',
      'kubegate/policy: success: No policy violations',
      'kubegate/diff (apps): success: 1 to update, 1 removed from Git',
      'kubegate/diff (edge): success: 1 to create',
      'kubegate/diff (gone): success: 1 removed from Git',
    ]);
    // tools names no cluster; quiet is not touched by the change.
    expect(requests.map((r) => [r.environment, r.cluster, r.namespace, r.head.map((o) => o.name), r.base.map((o) => o.name), r.repository, r.fromFork])).toEqual([
      ['apps', 'staging-eu', 'apps', ['settings'], ['old', 'settings'], 'acme/gitops', false],
      ['edge', 'edge', undefined, ['proxy'], [], 'acme/gitops', false],
      ['gone', 'staging-eu', undefined, [], ['x'], 'acme/gitops', false],
    ]);
    const headings = report.commentSections.filter((s) => s.startsWith('### ')).map((s) => s.split('\n')[0]);
    expect(headings).toEqual([
      '### Cluster diff: `apps` (cluster `staging-eu`)',
      '### Cluster diff: `edge` (cluster `edge`)',
      '### Cluster diff: `gone` (cluster `staging-eu`)',
    ]);
    expect(report.commentSections[1]).toBe(
      [
        '<details>',
        '<summary>ConfigMap apps/settings: update (+1 -1)</summary>',
        '',
        '```diff',
        'diff -u -N live/v1.ConfigMap.apps.settings merged/v1.ConfigMap.apps.settings',
        '--- live/v1.ConfigMap.apps.settings',
        '+++ merged/v1.ConfigMap.apps.settings',
        '@@ -1,6 +1,6 @@',
        ' apiVersion: v1',
        ' data:',
        '-  level: info',
        '+  level: debug',
        ' kind: ConfigMap',
        ' metadata:',
        '   name: settings',
        '```',
        '',
        '</details>',
      ].join('\n'),
    );
  });

  test('the comment: the diff checks in the table, their sections after the validate and policy sections, not repeated as check sections', async () => {
    const report = await runPipeline(input(), testDeps({ diffEnvironment: pureDiffEnvironment() }));
    const comment = renderCommentMarkdown(report);
    expect(comment).toContain('| `kubegate/diff (apps)` | ✅ success | 1 to update, 1 removed from Git |');
    expect(comment).not.toContain('#### `kubegate/diff');
    const at = (text: string): number => comment.indexOf(text);
    expect(at('#### `kubegate/validate`')).toBeGreaterThan(0);
    expect(at('#### `kubegate/validate`')).toBeLessThan(at('#### `kubegate/policy`'));
    expect(at('#### `kubegate/policy`')).toBeLessThan(at('### Cluster diff: `apps`'));
    expect(at('### Cluster diff: `apps`')).toBeLessThan(at('<summary>ConfigMap apps/settings'));
    expect(at('<summary>ConfigMap apps/settings')).toBeLessThan(at('### Cluster diff: `edge`'));
    expect(at('### Cluster diff: `edge`')).toBeLessThan(at('### Cluster diff: `gone`'));
    expect(comment).toContain('| `ConfigMap apps/old` | removed from Git |');
  });

  test("each environment's sync settings of the default branch's config go along; a pruned ApplySet member is a deletion", async () => {
    const config = `${CONFIG.replace('    paths: ["gone/**"]\n', '    paths: ["gone/**"]\n    sync: {prune: false}\n')}sync:\n  mode: apply\n  prune: true\n`;
    const requests: EnvironmentDiffRequest[] = [];
    await runPipeline(input({ config: loadRepoConfig(config) }), testDeps({ diffEnvironment: pureDiffEnvironment(requests) }));
    expect(requests.map((r) => [r.environment, r.sync?.enabled, r.sync?.mode, r.sync?.prune])).toEqual([
      ['apps', true, 'apply', true],
      ['edge', true, 'apply', true],
      ['gone', true, 'apply', false],
    ]);

    const cluster = fakeCluster();
    const label = (environment: string, ns: string): Record<string, string> => ({ 'applyset.kubernetes.io/part-of': applySetParent(environment, ns).id });
    cluster.live.set('ConfigMap/apps/old', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old', namespace: 'apps', labels: label('apps', 'apps') }, data: { a: '1' } });
    cluster.live.set('ConfigMap/default/x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', labels: label('gone', 'default') }, data: { a: '1' } });
    const settings = parseAppSettings({ clusters: { 'staging-eu': { kubeconfig: '/k', repositories: ['acme/*'] }, edge: { kubeconfig: '/k', repositories: ['acme/*'] } } }, 'test', '/');
    const report = await runPipeline(input({ config: loadRepoConfig(config) }), testDeps({ diffEnvironment: createDiffEnvironment(settings, () => cluster) }));
    expect(names(report).slice(2)).toEqual([
      'kubegate/diff (apps): success: 1 to create, 1 to delete',
      'kubegate/diff (edge): success: 1 to create',
      'kubegate/diff (gone): success: 1 removed from Git',
    ]);
    const comment = renderCommentMarkdown(report);
    expect(comment).toContain('| `kubegate/diff (apps)` | ✅ success | 1 to create, 1 to delete |');
    expect(comment).toContain('<summary>ConfigMap apps/old: delete (+0 -7)</summary>');
    expect(comment).toContain('| `ConfigMap default/x` | removed from Git |  |  | still in the cluster: sync.prune is off, so the sync after merge leaves it |');
  });

  test('without a diffEnvironment: no diff check, and the comment says once which affected environments got no diff', async () => {
    const report = await runPipeline(input(), testDeps());
    expect(report.checks.map((c) => c.name)).toEqual(['kubegate/validate', 'kubegate/policy']);
    expect(report.commentSections).toEqual([
      '### Cluster diff\n\nNo cluster is configured (the kubegate app settings, or `kubegate plan --kubeconfig`), so no cluster diff was computed for 3 environments: `apps` (cluster `staging-eu`), `edge` (cluster `edge`), `gone` (cluster `staging-eu`).',
    ]);
    const unaffected = await runPipeline(input({ head: { ...base, sha: 'same' } }), testDeps());
    expect(unaffected.commentSections).toEqual([]);
  });

  test('objects with schema errors are not sent to the cluster (nor counted as removed), and the diff says so', async () => {
    const config = 'environments:\n  - name: apps\n    cluster: staging-eu\n    namespace: apps\n    paths: ["apps/**"]\n';
    const requests: EnvironmentDiffRequest[] = [];
    const report = await runPipeline(
      {
        base: snapshotOf('b', { 'apps/web.yaml': deployment('web', 2), 'apps/api.yaml': deployment('api', 1) }),
        head: snapshotOf('h', { 'apps/web.yaml': deployment('web', 'three'), 'apps/api.yaml': deployment('api', 2) }),
        config: loadRepoConfig(config),
        pullRequest: { repository: 'acme/gitops', fromFork: false },
      },
      { ...defaultPipelineDeps(), diffEnvironment: pureDiffEnvironment(requests) },
    );
    expect(requests.map((r) => [r.head.map((o) => o.name), r.base.map((o) => o.name)])).toEqual([[['api'], ['api']]]);
    const diff = report.checks.find((c) => c.name === 'kubegate/diff (apps)');
    expect(diff).toMatchObject({ conclusion: 'success', title: '1 to update' });
    const note =
      '> ⚠️ Not sent to the cluster: 1 object with schema errors (see `kubegate/validate`), which the server would refuse too: `Deployment apps/web`.';
    expect(diff?.summary.endsWith(`\n\n${note}`)).toBe(true);
    expect(report.commentSections[1]).toBe(note);
    expect(report.commentSections[0]).not.toContain('removed from Git');
  });

  test('a pull request from a fork: no dry-run (the app settings decide), and the comment says why', async () => {
    const cluster = fakeCluster();
    const settings = parseAppSettings({ clusters: { 'staging-eu': { kubeconfig: '/k', repositories: ['acme/*'] }, edge: { kubeconfig: '/k', repositories: ['acme/*'] } } }, 'test', '/');
    const diffEnvironment = createDiffEnvironment(settings, () => cluster);
    const report = await runPipeline(input({ pullRequest: { repository: 'acme/gitops', fromFork: true } }), testDeps({ diffEnvironment }));
    expect(cluster.calls).toEqual([]);
    expect(names(report).slice(2)).toEqual([
      'kubegate/diff (apps): neutral: no cluster dry-run',
      'kubegate/diff (edge): neutral: no cluster dry-run',
      'kubegate/diff (gone): neutral: no cluster dry-run',
    ]);
    expect(report.commentSections).toEqual([]);
    const comment = renderCommentMarkdown(report);
    expect(comment).toContain('#### `kubegate/diff (apps)`\n\nThis pull request comes from a fork: kubegate does not send its manifests to a cluster');
  });

  test('a diffEnvironment that throws fails that environment\'s check only', async () => {
    const broken: DiffEnvironment = async (request) => {
      if (request.environment === 'edge') throw new Error('socket hang up');
      return pureDiffEnvironment()(request);
    };
    const report = await runPipeline(input(), testDeps({ diffEnvironment: broken }));
    expect(names(report).slice(2)).toEqual([
      'kubegate/diff (apps): success: 1 to update, 1 removed from Git',
      'kubegate/diff (edge): failure: no cluster dry-run',
      'kubegate/diff (gone): success: 1 removed from Git',
    ]);
    expect(report.checks[3]?.summary).toBe('The cluster dry-run failed: socket hang up');
  });

  test('a large diff is spread over several comment parts, the fence and <details> reopened, no line lost', async () => {
    const long = 'x'.repeat(60);
    const big = (value: string): Record<string, string> => Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`key-${String(i).padStart(4, '0')}`, `${value}-${long}-${i}`]));
    const report = await runPipeline(
      input({
        base: snapshotOf('b', { 'apps/big.yaml': configMap('big', big('old')) }),
        head: snapshotOf('h', { 'apps/big.yaml': configMap('big', big('new')) }),
      }),
      testDeps({ diffEnvironment: pureDiffEnvironment() }),
    );
    const parts = renderComment(report);
    expect(parts.length).toBeGreaterThan(2);
    // Each part after the table holds a piece of the one diff, in a <details> block of its own, with the blank line markdown needs.
    const opening = (part: string): string => {
      const m = /<summary>ConfigMap apps\/big: update \(\+1200 -1200\)( \(continued\))?<\/summary>\n\n```diff\n/.exec(part);
      return m ? (m[1] ?? 'first') : 'none';
    };
    expect(parts.slice(1).map(opening)).toEqual(['first', ...parts.slice(2).map(() => ' (continued)')]);
    const all = parts.join('\n');
    const added = all.split('\n').filter((line) => line.startsWith('+  key-'));
    expect(added).toEqual(Array.from({ length: 1200 }, (_, i) => `+  key-${String(i).padStart(4, '0')}: new-${long}-${i}`));
    expect(all).not.toContain('not shown');
  });

  test('the app settings allow only some schema locations: a refused one is a warning naming the field, and "default" is used instead', async () => {
    const seen: ValidatorOptions[] = [];
    const config = `${CONFIG}validation:\n  schemaLocations: ["https://schemas.example.com/k8s/", "/etc/"]\n`;
    const report = await runPipeline(
      input({ config: loadRepoConfig(config), settings: { schemaLocations: { allow: ['https://schemas.example.com/'] } } }),
      testDeps({}, seen),
    );
    expect(seen[0]?.schemaLocations).toEqual(['https://schemas.example.com/k8s/', 'default']);
    expect(report.checks[0]?.findings[0]).toMatchObject({ level: 'warning', file: '.github/kubegate.yml', message: expect.stringMatching(/^validation\.schemaLocations: "\/etc\/" is not allowed by the kubegate app settings/) });
    await runPipeline(input({ config: loadRepoConfig(config) }), testDeps({}, seen));
    expect(seen[1]?.schemaLocations).toEqual(['https://schemas.example.com/k8s/', '/etc/']);
  });
});
