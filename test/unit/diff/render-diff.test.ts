// The outputs: kubectl-style unified text, the comment sections and the
// check run of one environment.
import {
  buildDiffCheck,
  buildEnvironmentDiff,
  hasDifferences,
  MAX_UNCHANGED_ROWS,
  renderDiffMarkdown,
  renderUnifiedDiff,
  skippedDiffCheck,
  type EnvironmentDryRun,
} from '../../../src/diff/index.js';
import { splitMarkdown } from '../../../src/report/split-markdown.js';
import { manifest, outcome, served } from './fixtures-objects.js';

const cm = (name: string, value: string): ReturnType<typeof manifest> =>
  manifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: apps\ndata:\n  v: "${value}"\n`, 'apps/config.yaml');

function env(applied: EnvironmentDryRun['applied'], extra: Partial<EnvironmentDryRun> = {}): EnvironmentDryRun {
  return { environment: 'prod', cluster: 'eu-1', applied, removed: [], ...extra };
}

const updated = cm('a', 'new');
const created = cm('b', 'x');
const sample = env([outcome(updated, served(cm('a', 'old').body), served(updated.body, 2)), outcome(created, null, served(created.body))]);

describe('renderUnifiedDiff', () => {
  test('prints kubectl diff headers and GNU hunks, creations from line 0', () => {
    expect(renderUnifiedDiff(buildEnvironmentDiff(sample))).toBe(
      [
        'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.apps.a /tmp/MERGED-kubegate/v1.ConfigMap.apps.a',
        '--- /tmp/LIVE-kubegate/v1.ConfigMap.apps.a',
        '+++ /tmp/MERGED-kubegate/v1.ConfigMap.apps.a',
        '@@ -1,6 +1,6 @@',
        ' apiVersion: v1',
        ' data:',
        '-  v: old',
        '+  v: new',
        ' kind: ConfigMap',
        ' metadata:',
        '   name: a',
        'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.apps.b /tmp/MERGED-kubegate/v1.ConfigMap.apps.b',
        '--- /tmp/LIVE-kubegate/v1.ConfigMap.apps.b',
        '+++ /tmp/MERGED-kubegate/v1.ConfigMap.apps.b',
        '@@ -0,0 +1,7 @@',
        '+apiVersion: v1',
        '+data:',
        '+  v: x',
        '+kind: ConfigMap',
        '+metadata:',
        '+  name: b',
        '+  namespace: apps',
        '',
      ].join('\n'),
    );
    expect(hasDifferences(buildEnvironmentDiff(sample))).toBe(true);
  });

  test('nothing for unchanged objects', () => {
    const same = cm('a', 'same');
    const diff = buildEnvironmentDiff(env([outcome(same, served(same.body), served(same.body))]));
    expect(renderUnifiedDiff(diff)).toBe('');
    expect(hasDifferences(diff)).toBe(false);
  });
});

describe('renderDiffMarkdown', () => {
  test('a heading with counts, a table, then one collapsible diff per changed object', () => {
    const sections = renderDiffMarkdown(buildEnvironmentDiff(sample));
    expect(sections).toHaveLength(3);
    expect(sections[0]).toBe(
      [
        '### Cluster diff: `prod` (cluster `eu-1`)',
        '',
        '1 to create, 1 to update.',
        '',
        '| Object | Action | + | - | Note |',
        '| --- | --- | --- | --- | --- |',
        '| `ConfigMap apps/a` | update | +1 | -1 |  |',
        '| `ConfigMap apps/b` | create | +7 | -0 |  |',
      ].join('\n'),
    );
    expect(sections[1]).toMatch(/^<details>\n<summary>ConfigMap apps\/a: update \(\+1 -1\)<\/summary>\n\n```diff\ndiff -u -N live\/v1.ConfigMap.apps.a merged\/v1.ConfigMap.apps.a\n/);
    expect(sections[1]).toMatch(/\n-  v: old\n\+  v: new\n[\s\S]*\n```\n\n<\/details>$/);
  });

  test('a diff holding ``` gets a longer fence', () => {
    const o = cm('fenced', '```');
    const [, details] = renderDiffMarkdown(buildEnvironmentDiff(env([outcome(o, null, served(o.body))])));
    expect(details).toContain('\n````diff\n');
    expect(details).toContain('\n````\n\n</details>');
  });

  test('many unchanged objects are summarized in one row; changed ones are always listed', () => {
    const many = Array.from({ length: MAX_UNCHANGED_ROWS + 1 }, (_, i) => cm(`same-${i}`, 'v'));
    const diff = buildEnvironmentDiff(env([...many.map((m) => outcome(m, served(m.body), served(m.body))), outcome(created, null, served(created.body))]));
    const [head] = renderDiffMarkdown(diff);
    expect(head).toContain(`| ${MAX_UNCHANGED_ROWS + 1} objects | unchanged |`);
    expect(head).toContain('| `ConfigMap apps/b` | create |');
    expect(head).not.toContain('same-0');
  });

  test('large output is complete after the comment splitter: every diff line survives', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `  k${i}: "value ${i}"`).join('\n');
    const o = manifest(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: apps}\ndata:\n${big}\n`);
    const sections = renderDiffMarkdown(buildEnvironmentDiff(env([outcome(o, null, served(o.body))])));
    const parts = splitMarkdown(sections.join('\n\n'), 20_000);
    expect(parts.length).toBeGreaterThan(2);
    const joined = parts.join('\n');
    for (const i of [0, 1234, 2999]) expect(joined).toContain(`+  k${i}: value ${i}`);
  });

  test('an unreachable cluster: one section that says so', () => {
    const diff = buildEnvironmentDiff(env([], { unreachable: { message: 'cluster eu-1 could not be reached: connect ECONNREFUSED' } }));
    expect(renderDiffMarkdown(diff)).toEqual(['### Cluster diff: `prod` (cluster `eu-1`)\n\n⚠️ No diff: cluster eu-1 could not be reached: connect ECONNREFUSED']);
  });
});

describe('buildDiffCheck', () => {
  test('success with the counts as title', () => {
    expect(buildDiffCheck(buildEnvironmentDiff(sample))).toMatchObject({
      name: 'kubegate/diff (prod)',
      conclusion: 'success',
      title: '1 to create, 1 to update',
      findings: [],
    });
  });

  test('failure with a finding per refused object', () => {
    const bad = cm('bad', 'x');
    const diff = buildEnvironmentDiff(env([outcome(bad, null, undefined, { error: { reason: 'Forbidden', status: 403, message: 'configmaps "bad" is forbidden' } })]));
    expect(buildDiffCheck(diff)).toMatchObject({
      conclusion: 'failure',
      title: '1 failed dry-run',
      findings: [
        {
          check: 'diff',
          level: 'failure',
          file: 'apps/config.yaml',
          line: 1,
          rule: 'Forbidden',
          message: 'ConfigMap apps/bad: the cluster refused the dry-run: configmaps "bad" is forbidden',
          object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'bad', namespace: 'apps' },
          environment: 'prod',
        },
      ],
    });
  });

  test('unreachable, and refusals that are only timeouts, take the configured conclusion', () => {
    const unreachable = buildEnvironmentDiff(env([], { unreachable: { message: 'down' } }));
    expect(buildDiffCheck(unreachable).conclusion).toBe('failure');
    expect(buildDiffCheck(unreachable, { unreachableConclusion: 'neutral' }).conclusion).toBe('neutral');
    const late = cm('late', 'x');
    const timedOut = buildEnvironmentDiff(env([outcome(late, null, undefined, { error: { reason: 'Timeout', message: 'not checked' } })]));
    expect(buildDiffCheck(timedOut, { unreachableConclusion: 'neutral' }).conclusion).toBe('neutral');
  });

  test('a skipped dry-run is its own check with the reason', () => {
    expect(skippedDiffCheck('prod', 'This pull request comes from a fork')).toEqual({
      name: 'kubegate/diff (prod)',
      conclusion: 'neutral',
      title: 'no cluster dry-run',
      summary: 'This pull request comes from a fork',
      findings: [],
    });
  });
});
