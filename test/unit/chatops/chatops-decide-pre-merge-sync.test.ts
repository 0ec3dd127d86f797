import { decidePreMergeSync, type PreMergeFacts } from '../../../src/chatops/decide-pre-merge-sync.js';

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const green = [
  { name: 'kubegate/validate', conclusion: 'success' },
  { name: 'kubegate/policy', conclusion: 'success' },
];
const facts = (over: Partial<PreMergeFacts> = {}): PreMergeFacts => ({
  environment: 'staging',
  pullNumber: 7,
  headSha: HEAD,
  allowPreMerge: true,
  mode: 'apply',
  approval: { approved: true, summary: 'approved' },
  mergeable: true,
  mergeableState: 'clean',
  checks: green,
  ...over,
});

describe('decidePreMergeSync', () => {
  it('allows the sync when every requirement holds (no diff check: none ran)', () => {
    expect(decidePreMergeSync(facts())).toBeUndefined();
  });

  it.each<[string, Partial<PreMergeFacts>, string]>([
    ['not allowed', { allowPreMerge: false }, 'environment staging does not allow syncing before merge (`sync.allowPreMerge` is off), so merge #7 first'],
    ['not apply mode', { mode: 'argocd' }, 'environment staging uses sync.mode argocd; syncing before merge needs sync.mode apply'],
    ['not approved', { approval: { approved: false, reason: 'pull request #7 has 0 of 1 required approvals' } }, 'pull request #7 has 0 of 1 required approvals'],
    ['mergeability unknown', { mergeable: null }, 'GitHub is still computing whether #7 can be merged; try again in a moment'],
    ['conflicts', { mergeable: false }, '#7 cannot be merged (conflicts with its base)'],
    ['a check missing', { checks: green.slice(0, 1) }, "kubegate's checks on the head ec26c3e are not green: kubegate/policy has not run"],
    ['the diff check failed', { checks: [...green, { name: 'kubegate/diff (staging)', conclusion: 'failure' }] }, "kubegate's checks on the head ec26c3e are not green: kubegate/diff (staging) is failure"],
    ['behind', { mergeableState: 'behind' }, '#7 is behind its base branch; update it and try again'],
  ])('%s: refused with the reason', (_name, over, reason) => {
    expect(decidePreMergeSync(facts(over))).toBe(reason);
  });

  it('answers the first failing requirement only', () => {
    expect(decidePreMergeSync(facts({ allowPreMerge: false, mergeable: null, mergeableState: 'behind' }))).toContain('does not allow');
    expect(decidePreMergeSync(facts({ mergeable: null, mergeableState: 'behind' }))).toContain('try again in a moment');
  });

  it("ignores other environments' diff checks", () => {
    expect(decidePreMergeSync(facts({ checks: [...green, { name: 'kubegate/diff (production)', conclusion: 'failure' }] }))).toBeUndefined();
  });
});
