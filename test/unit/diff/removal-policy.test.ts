// Objects removed from Git: a deletion when the sync after merge prunes them
// (apply mode, sync.prune, a member of this environment's ApplySet), else
// "removed from Git" with the reason; deletions in the sync's order, shown as
// kubectl diff --prune shows them, Secrets masked.
import { createHash } from 'node:crypto';
import {
  buildDiffCheck,
  buildEnvironmentDiff,
  decideRemovalPolicy,
  hasDifferences,
  renderDiffMarkdown,
  renderUnifiedDiff,
  type EnvironmentDryRun,
  type RemovalPolicy,
  type RemovedOutcome,
  type SyncRemovalSettings,
} from '../../../src/diff/index.js';
import { manifest, outcome, refOf, served } from './fixtures-objects.js';

const PART_OF = 'applyset.kubernetes.io/part-of';
/** kubectl's id of the parent Secret applyset-kubegate-prod in namespace apps, computed here from the specification. */
const ID = `applyset-${createHash('sha256').update('applyset-kubegate-prod.apps.Secret.').digest('base64url')}-v1`;

const apply = (over: Partial<SyncRemovalSettings> = {}): SyncRemovalSettings => ({ enabled: true, mode: 'apply', prune: true, ...over });
const PRUNE = { prune: true, applySetId: ID } as const;

const cm = (name: string, ns = 'apps'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n  a: "1"\n`;

/** The object removed from Git, live in the cluster with these labels. */
function removed(text: string, labels?: Record<string, string>): RemovedOutcome {
  const object = manifest(text, 'apps/old.yaml');
  const live = served(object.body);
  if (labels) (live.metadata as Record<string, unknown>).labels = labels;
  return { object, ref: refOf(object), live };
}

function dryRun(gone: RemovedOutcome[], applied: EnvironmentDryRun['applied'] = []): EnvironmentDryRun {
  return { environment: 'prod', cluster: 'eu', applied, removed: gone };
}

describe('decideRemovalPolicy', () => {
  test("apply mode with prune: the sync's ApplySet id (kubectl's for the parent Secret), and sync.namespaces", () => {
    expect(decideRemovalPolicy(apply(), { environment: 'prod', namespace: 'apps' })).toEqual({ prune: true, applySetId: ID });
    expect(decideRemovalPolicy(apply({ namespaces: ['apps'] }), { environment: 'prod', namespace: 'apps' })).toEqual({ prune: true, applySetId: ID, namespaces: ['apps'] });
    // The parent's namespace is part of the id.
    expect(decideRemovalPolicy(apply(), { environment: 'prod', namespace: 'default' })).not.toEqual(PRUNE);
  });

  test.each<[string, SyncRemovalSettings, RegExp]>([
    ['prune off', apply({ prune: false }), /^sync\.prune is off/],
    ['argocd', apply({ mode: 'argocd' }), /^sync\.mode is argocd: Argo CD's prune settings decide .*prune: true\)$/],
    ['flux', apply({ mode: 'flux' }), /^sync\.mode is flux: the Flux Kustomization's spec\.prune decides/],
    ['none', apply({ mode: 'none' }), /^sync\.mode is none: the sync after merge changes nothing/],
    ['not synced', { enabled: false, mode: 'none', prune: true }, /^the environment is not synced \(no sync\.mode\)/],
  ])('%s: nothing is deleted, and the reason says why', (_, sync, reason) => {
    const policy = decideRemovalPolicy(sync, { environment: 'prod', namespace: 'apps' });
    expect(policy).toEqual({ prune: false, reason: expect.stringMatching(reason) });
  });
});

describe('buildEnvironmentDiff with a removal policy', () => {
  test('a member of the ApplySet is a deletion: the whole live object on the removed side, as kubectl diff --prune', () => {
    const diff = buildEnvironmentDiff(dryRun([removed(cm('old'), { [PART_OF]: ID, team: 'web' })]), { removal: PRUNE });
    const [o] = diff.objects;
    expect(o).toMatchObject({ action: 'delete', added: 0, removed: 9, mergedText: '', note: expect.stringMatching(/^the sync after merge deletes it/) });
    // Bookkeeping and the membership label are left out, as for any live object.
    expect(renderUnifiedDiff(diff)).toBe(
      [
        'diff -u -N /tmp/LIVE-kubegate/v1.ConfigMap.apps.old /tmp/MERGED-kubegate/v1.ConfigMap.apps.old',
        '--- /tmp/LIVE-kubegate/v1.ConfigMap.apps.old',
        '+++ /tmp/MERGED-kubegate/v1.ConfigMap.apps.old',
        '@@ -1,9 +0,0 @@',
        '-apiVersion: v1',
        '-data:',
        '-  a: "1"',
        '-kind: ConfigMap',
        '-metadata:',
        '-  labels:',
        '-    team: web',
        '-  name: old',
        '-  namespace: apps',
        '',
      ].join('\n'),
    );
    expect(hasDifferences(diff)).toBe(true);
    expect(buildDiffCheck(diff)).toMatchObject({ conclusion: 'success', title: '1 to delete' });
  });

  test.each<[string, Record<string, string> | undefined, RemovalPolicy, RegExp]>([
    ['no membership label', undefined, PRUNE, /^still in the cluster: not a member of this environment's ApplySet \(no applyset\.kubernetes\.io\/part-of label\)/],
    ["another ApplySet's member", { [PART_OF]: 'applyset-other-v1' }, PRUNE, /^still in the cluster: a member of another ApplySet \(applyset\.kubernetes\.io\/part-of=applyset-other-v1\)/],
    ['outside sync.namespaces', { [PART_OF]: ID }, { ...PRUNE, namespaces: ['web'] }, /^still in the cluster: outside sync\.namespaces/],
    ['prune off', { [PART_OF]: ID }, { prune: false, reason: 'sync.prune is off, so the sync after merge leaves it' }, /^still in the cluster: sync\.prune is off/],
  ])('%s: removed from Git, kept, no diff', (_, labels, removal, note) => {
    const diff = buildEnvironmentDiff(dryRun([removed(cm('old'), labels)]), { removal });
    expect(diff.objects.map((o) => [o.action, o.hunks.length])).toEqual([['removed', 0]]);
    expect(diff.objects[0]?.note).toMatch(note);
    expect(hasDifferences(diff)).toBe(false);
  });

  test('without a policy (the caller does not know the sync settings): removed from Git, the note says what decides', () => {
    const diff = buildEnvironmentDiff(dryRun([removed(cm('old'), { [PART_OF]: ID })]));
    expect(diff.objects[0]).toMatchObject({ action: 'removed', note: expect.stringMatching(/^still in the cluster: whether the sync after merge deletes it depends on .*sync\.prune/) });
  });

  test('not in the cluster, or unreadable: removed from Git whatever the policy', () => {
    const object = manifest(cm('old'));
    const diff = buildEnvironmentDiff(
      dryRun([
        { object, ref: refOf(object), live: null },
        { object: manifest(cm('other')), ref: refOf(manifest(cm('other'))), error: { reason: 'Forbidden', message: 'forbidden' } },
      ]),
      { removal: PRUNE },
    );
    expect(diff.objects.map((o) => [o.ref.name, o.action, o.note])).toEqual([
      ['other', 'removed', 'could not read it from the cluster'],
      ['old', 'removed', 'not in the cluster'],
    ]);
  });

  test("the sync's order: applies, then its prunes in reverse apply order, then the objects it leaves", () => {
    const kept = manifest(cm('kept'));
    const member = { [PART_OF]: ID };
    const diff = buildEnvironmentDiff(
      dryRun(
        [
          removed('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n', member),
          removed(cm('left-alone')),
          removed('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\nspec: {}\n', member),
          removed(cm('old'), member),
        ],
        [outcome(kept, served(kept.body), served(kept.body))],
      ),
      { removal: PRUNE },
    );
    expect(diff.objects.map((o) => `${o.action} ${o.ref.kind} ${o.ref.name}`)).toEqual([
      'unchanged ConfigMap kept',
      'delete Deployment web',
      'delete ConfigMap old',
      'delete Namespace apps',
      'removed ConfigMap left-alone',
    ]);
  });

  test('a deleted Secret: every value masked', () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: apps\ndata:\n  password: aHVudGVyMg==\n';
    const diff = buildEnvironmentDiff(dryRun([removed(secret, { [PART_OF]: ID })]), { removal: PRUNE });
    expect(diff.objects[0]?.action).toBe('delete');
    expect(diff.objects[0]?.hunks[0]?.lines).toContain("-  password: '***'");
    expect(JSON.stringify([diff, renderDiffMarkdown(diff)])).not.toMatch(/aHVudGVyMg|hunter2/);
  });
});

describe('rendering deletions', () => {
  test('the table, the counts and the collapsible diff', () => {
    const diff = buildEnvironmentDiff(dryRun([removed(cm('old'), { [PART_OF]: ID }), removed(cm('other'))]), { removal: PRUNE });
    const [head, details, ...rest] = renderDiffMarkdown(diff);
    expect(head).toContain('1 to delete, 1 removed from Git.');
    expect(head).toContain("| `ConfigMap apps/old` | delete | +0 | -7 | the sync after merge deletes it: a member of this environment's ApplySet, and sync.prune is on |");
    expect(head).toMatch(/\| `ConfigMap apps\/other` \| removed from Git \|  \|  \| still in the cluster: not a member/);
    expect(details).toContain('<summary>ConfigMap apps/old: delete (+0 -7)</summary>');
    expect(details).toContain('@@ -1,7 +0,0 @@\n-apiVersion: v1\n');
    expect(rest).toEqual([]);
  });
});
