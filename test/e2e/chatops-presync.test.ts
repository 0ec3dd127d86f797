// /sync ENV on an open pull request: the requirements before the head is
// applied, each refusal with its reason (through Probot with the recorded
// payloads; GitHub is the harness's FakeGitHub, no cluster is reached).
import { jest } from '@jest/globals';
import { fakeIssueComments } from '../harness/github/index.js';
import { COMMENT_ID, commentPayload, fakeChatOps } from './support/chatops-scenario.js';
import { fakeHeadState, type HeadState } from './support/head-state.js';
import { fakeOpenPull } from './support/open-pull.js';
import { approvedBy, BASE_SHA, configText, OWNER, PR_HEAD_SHA, REPO, startSyncScenario, webApp, type SyncScenario } from './support/sync-scenario.js';

jest.setTimeout(30_000);

const GREEN = ['kubegate/validate', 'kubegate/policy', 'kubegate/diff (apps)'];

interface Case {
  sync: string;
  approved: boolean;
  mergeable?: boolean | null;
  mergeableState?: string;
  checks?: Record<string, string>;
  /** Check runs of other apps on the head: name -> conclusion (null: in progress). */
  otherChecks?: Record<string, string | null>;
  /** Statuses and the compare with the base; 'not asked' where the first rule refuses before GitHub is asked. */
  head?: HeadState | 'not asked';
}

const OTHER_APP = 4242;
const ALLOWED = { sync: '{mode: apply, allowPreMerge: true}', approved: true } as const;

describe('chatops: /sync ENV on an open pull request', () => {
  let scenario: SyncScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  async function presync(c: Case): Promise<{ reply: string | undefined; reactions: string[]; scenario: SyncScenario }> {
    scenario = await startSyncScenario({
      config: configText({ namespace: 'shop', sync: c.sync }),
      trees: { [BASE_SHA]: webApp('shop', 'nginx:1.26'), [PR_HEAD_SHA]: webApp('shop', 'nginx:1.27') },
      reviews: c.approved ? [approvedBy('hubot')] : [],
    });
    const { harness, checkRuns } = scenario;
    for (const name of GREEN) checkRuns.seed({ name, head_sha: PR_HEAD_SHA, status: 'completed', conclusion: c.checks?.[name] ?? 'success' });
    for (const [name, conclusion] of Object.entries(c.otherChecks ?? {})) {
      checkRuns.seed({ name, head_sha: PR_HEAD_SHA, app_id: OTHER_APP, status: conclusion === null ? 'in_progress' : 'completed', conclusion });
    }
    if (c.head !== 'not asked') fakeHeadState(harness.github, c.head);
    const reactions = fakeChatOps(harness.github, 'write');
    const comments = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
    fakeOpenPull(harness.github, { mergeable: c.mergeable === undefined ? true : c.mergeable, mergeableState: c.mergeableState ?? 'clean' });
    await harness.deliver('issue_comment', commentPayload('/sync apps'));
    return { reply: comments.comments[0]?.body, reactions, scenario };
  }

  test('refused where the environment does not allow pre-merge sync', async () => {
    const { reply, reactions, scenario: s } = await presync({ sync: '{mode: apply}', approved: true, head: 'not asked' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: environment apps does not allow syncing before merge (`sync.allowPreMerge` is off), so merge #2 first');
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test('refused when the approval rule does not hold for the head', async () => {
    const { reply, scenario: s } = await presync({ sync: '{mode: apply, allowPreMerge: true}', approved: false });
    expect(reply).toBe(`@Codertocat\n\n❌ \`sync apps\` before merge refused: pull request #2 has 0 of 1 required approvals on its last commit ${PR_HEAD_SHA.slice(0, 7)}`);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test('refused when the head lacks commits of the base (compare base...head), although GitHub still says clean', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, head: { behindBy: 2 } });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: #2 is not up to date with master: its head lacks 2 commits of master; update the branch and try again');
    expect(s.harness.github.requestsOf('repos/compare-commits-with-basehead').map((r) => r.params['basehead'])).toEqual([`master...${PR_HEAD_SHA}`]);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test("refused when GitHub's mergeable_state says behind", async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'behind' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: #2 is behind master; update the branch and try again');
    s.harness.assertDone();
  });

  test('refused when the pull request conflicts with its base (mergeable_state dirty)', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeable: false, mergeableState: 'dirty' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: #2 cannot be merged: it conflicts with master; resolve the conflicts first');
    s.harness.assertDone();
  });

  test("refused when branch protection blocks the merge (mergeable_state blocked), although kubegate's own approval rule holds", async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'blocked' });
    expect(reply).toBe(
      '@Codertocat\n\n❌ `sync apps` before merge refused: #2 is blocked by the branch protection of master (a required review, check or other rule is not met); what could not be merged is not synced before merge',
    );
    s.harness.assertDone();
  });

  test("refused when another app's check on the head failed or is still running, naming each", async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'unstable', otherChecks: { 'ci/build': 'failure', 'ci/e2e': null, 'ci/lint': 'success' } });
    expect(reply).toBe(`@Codertocat\n\n❌ \`sync apps\` before merge refused: not every check on the head ${PR_HEAD_SHA.slice(0, 7)} passed: ci/build is failure, ci/e2e is in progress`);
    // Every app's runs are listed, not only kubegate's.
    expect(s.harness.github.requestsOf('checks/list-for-ref').map((r) => r.query['app_id'])).toEqual([undefined]);
    s.harness.assertDone();
  });

  test('refused when a commit status on the head is not success', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'unstable', head: { statuses: { 'ci/jenkins': 'success', 'ci/travis': 'error' } } });
    expect(reply).toBe(`@Codertocat\n\n❌ \`sync apps\` before merge refused: not every check on the head ${PR_HEAD_SHA.slice(0, 7)} passed: ci/travis is error`);
    s.harness.assertDone();
  });

  test('an installation without the Commit statuses permission is told which permission to grant', async () => {
    const { reply, reactions, scenario: s } = await presync({ ...ALLOWED, head: { statuses: 'forbidden' } });
    expect(reply).toBe(
      `@Codertocat\n\n❌ \`/sync apps\` could not finish: GitHub API: could not read the commit statuses of ${PR_HEAD_SHA.slice(0, 7)}: HTTP 403: the app needs the Commit statuses: read permission (accept it in the installation's settings). Comment the command again to retry.`,
    );
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test('refused when GitHub says unstable although nothing failing is in sight', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'unstable' });
    expect(reply).toBe("@Codertocat\n\n❌ `sync apps` before merge refused: #2 has a check or commit status that is not passing (GitHub's mergeable_state is unstable)");
    s.harness.assertDone();
  });

  test('passes every requirement with green checks and statuses of other apps (then needs the cluster, which these settings do not have)', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeableState: 'has_hooks', otherChecks: { 'ci/build': 'success', 'ci/docs': 'skipped' }, head: { statuses: { 'ci/jenkins': 'success' } } });
    expect(reply).toBe(
      "@Codertocat\n\n❌ `sync apps` before merge refused: Cluster \"local\" is not defined in the kubegate app settings (test settings); known clusters: none. Ask the app's operator to add it, or fix the name in .github/kubegate.yml.",
    );
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test("refused when kubegate's checks on the head are not green", async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, checks: { 'kubegate/policy': 'failure' } });
    expect(reply).toBe(`@Codertocat\n\n❌ \`sync apps\` before merge refused: kubegate's checks on the head ${PR_HEAD_SHA.slice(0, 7)} are not green: kubegate/policy is failure`);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test('refused while GitHub still computes mergeability: try again in a moment', async () => {
    const { reply, scenario: s } = await presync({ ...ALLOWED, mergeable: null, mergeableState: 'unknown' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: GitHub is still computing whether #2 can be merged; try again in a moment');
    s.harness.assertDone();
  });
});
