import { decidePreMergeSync, type HeadCheck, type PreMergeFacts } from '../../../src/chatops/decide-pre-merge-sync.js';

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const APP = 11;
const run = (name: string, conclusion: string | null, over: Partial<HeadCheck> = {}): HeadCheck => ({ name, status: conclusion === null ? 'in_progress' : 'completed', conclusion, appId: APP, ...over });
const green = [run('kubegate/validate', 'success'), run('kubegate/policy', 'success')];
const facts = (over: Partial<PreMergeFacts> = {}): PreMergeFacts => ({
  environment: 'staging',
  pullNumber: 7,
  headSha: HEAD,
  baseRef: 'main',
  allowPreMerge: true,
  mode: 'apply',
  approval: { approved: true, summary: 'approved' },
  mergeable: true,
  mergeableState: 'clean',
  checks: green,
  appId: APP,
  statuses: [],
  behindBy: 0,
  ...over,
});

describe('decidePreMergeSync', () => {
  it('allows the sync when every requirement holds (no diff check: none ran)', () => {
    expect(decidePreMergeSync(facts())).toBeUndefined();
  });

  it.each<[string, Partial<PreMergeFacts>]>([
    ['has_hooks', { mergeableState: 'has_hooks' }],
    ['neutral and skipped checks of other apps', { checks: [...green, run('lint', 'neutral', { appId: 2 }), run('deploy-docs', 'skipped', { appId: 2 })] }],
    ['successful commit statuses', { statuses: [{ context: 'ci/jenkins', state: 'success' }] }],
  ])('allows it with %s', (_name, over) => {
    expect(decidePreMergeSync(facts(over))).toBeUndefined();
  });

  it.each<[string, Partial<PreMergeFacts>, string]>([
    ['not allowed', { allowPreMerge: false }, 'environment staging does not allow syncing before merge (`sync.allowPreMerge` is off), so merge #7 first'],
    ['not apply mode', { mode: 'argocd' }, 'environment staging uses sync.mode argocd; syncing before merge needs sync.mode apply'],
    ['not approved', { approval: { approved: false, reason: 'pull request #7 has 0 of 1 required approvals' } }, 'pull request #7 has 0 of 1 required approvals'],
    ['mergeability unknown', { mergeable: null }, 'GitHub is still computing whether #7 can be merged; try again in a moment'],
    ['mergeable_state unknown', { mergeableState: 'unknown' }, 'GitHub is still computing whether #7 can be merged; try again in a moment'],
    ['conflicts', { mergeable: false }, '#7 cannot be merged: it conflicts with main; resolve the conflicts first'],
    ['dirty', { mergeableState: 'dirty' }, '#7 cannot be merged: it conflicts with main; resolve the conflicts first'],
    ['a check missing', { checks: green.slice(0, 1) }, "kubegate's checks on the head ec26c3e are not green: kubegate/policy has not run"],
    ['the diff check failed', { checks: [...green, run('kubegate/diff (staging)', 'failure')] }, "kubegate's checks on the head ec26c3e are not green: kubegate/diff (staging) is failure"],
    ["kubegate's check still running", { checks: [run('kubegate/validate', null), green[1] as HeadCheck] }, "kubegate's checks on the head ec26c3e are not green: kubegate/validate is not finished"],
    ["another app's run named like kubegate's is not kubegate's", { checks: [run('kubegate/validate', 'success', { appId: 2 }), green[1] as HeadCheck] }, "kubegate's checks on the head ec26c3e are not green: kubegate/validate has not run"],
    ["another app's check failed", { checks: [...green, run('ci/build', 'failure', { appId: 2 }), run('ci/lint', 'timed_out', { appId: 3 })] }, 'not every check on the head ec26c3e passed: ci/build is failure, ci/lint is timed_out'],
    ["another app's check pending", { checks: [...green, run('ci/build', null, { appId: 2, status: 'queued' })] }, 'not every check on the head ec26c3e passed: ci/build is queued'],
    ["another environment's diff failed", { checks: [...green, run('kubegate/diff (production)', 'failure')] }, 'not every check on the head ec26c3e passed: kubegate/diff (production) is failure'],
    ['a commit status failed', { statuses: [{ context: 'ci/jenkins', state: 'failure' }, { context: 'ci/travis', state: 'pending' }] }, 'not every check on the head ec26c3e passed: ci/jenkins is failure, ci/travis is pending'],
    ['behind by the compare', { behindBy: 3 }, '#7 is not up to date with main: its head lacks 3 commits of main; update the branch and try again'],
    ['behind by one', { behindBy: 1 }, '#7 is not up to date with main: its head lacks 1 commit of main; update the branch and try again'],
    ['behind by mergeable_state', { mergeableState: 'behind' }, '#7 is behind main; update the branch and try again'],
    ['blocked', { mergeableState: 'blocked' }, '#7 is blocked by the branch protection of main (a required review, check or other rule is not met); what could not be merged is not synced before merge'],
    ['unstable, with nothing failing in sight', { mergeableState: 'unstable' }, "#7 has a check or commit status that is not passing (GitHub's mergeable_state is unstable)"],
    ['a draft', { mergeableState: 'draft' }, '#7 is a draft; mark it ready for review first'],
    ['a state kubegate does not know', { mergeableState: 'sideways' }, "#7 cannot be merged now (GitHub's mergeable_state is sideways)"],
  ])('%s: refused with the reason', (_name, over, reason) => {
    expect(decidePreMergeSync(facts(over))).toBe(reason);
  });

  it('answers the first failing requirement only', () => {
    expect(decidePreMergeSync(facts({ allowPreMerge: false, mergeable: null, mergeableState: 'behind' }))).toContain('does not allow');
    expect(decidePreMergeSync(facts({ mergeable: null, mergeableState: 'behind' }))).toContain('try again in a moment');
    expect(decidePreMergeSync(facts({ behindBy: 2, mergeableState: 'behind' }))).toContain('its head lacks 2 commits');
    expect(decidePreMergeSync(facts({ checks: [...green, run('ci/build', 'failure', { appId: 2 })], mergeableState: 'unstable' }))).toContain('ci/build is failure');
  });

  it("kubegate's own record of an earlier pre-merge sync of this head does not refuse the next attempt, even as GitHub's unstable", () => {
    const failedSync = run('kubegate/sync (staging)', 'failure');
    expect(decidePreMergeSync(facts({ checks: [...green, failedSync], mergeableState: 'unstable' }))).toBeUndefined();
    // Another app's run of that name is a check like any other.
    expect(decidePreMergeSync(facts({ checks: [...green, { ...failedSync, appId: 2 }], mergeableState: 'unstable' }))).toBe('not every check on the head ec26c3e passed: kubegate/sync (staging) is failure');
  });

  it('with token auth (no app id) tells kubegate runs apart by name', () => {
    expect(decidePreMergeSync(facts({ appId: undefined, checks: [run('kubegate/validate', 'success', { appId: null }), run('kubegate/policy', 'success', { appId: null })] }))).toBeUndefined();
  });
});
