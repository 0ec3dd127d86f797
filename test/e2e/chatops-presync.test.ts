// /sync ENV on an open pull request: the requirements before the head is
// applied, each refusal with its reason (through Probot with the recorded
// payloads; GitHub is the harness's FakeGitHub, no cluster is reached).
import { jest } from '@jest/globals';
import { fakeIssueComments } from '../harness/github/index.js';
import { COMMENT_ID, commentPayload, fakeChatOps } from './support/chatops-scenario.js';
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
}

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
    const reactions = fakeChatOps(harness.github, 'write');
    const comments = fakeIssueComments(harness.github, { owner: OWNER, repo: REPO, issueNumber: 2, appId: harness.appId });
    fakeOpenPull(harness.github, { mergeable: c.mergeable === undefined ? true : c.mergeable, mergeableState: c.mergeableState ?? 'clean' });
    await harness.deliver('issue_comment', commentPayload('/sync apps'));
    return { reply: comments.comments[0]?.body, reactions, scenario };
  }

  test('refused where the environment does not allow pre-merge sync', async () => {
    const { reply, reactions, scenario: s } = await presync({ sync: '{mode: apply}', approved: true });
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

  test('refused when the branch is behind its base', async () => {
    const { reply, scenario: s } = await presync({ sync: '{mode: apply, allowPreMerge: true}', approved: true, mergeableState: 'behind' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: #2 is behind its base branch; update it and try again');
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test("refused when kubegate's checks on the head are not green", async () => {
    const { reply, scenario: s } = await presync({ sync: '{mode: apply, allowPreMerge: true}', approved: true, checks: { 'kubegate/policy': 'failure' } });
    expect(reply).toBe(`@Codertocat\n\n❌ \`sync apps\` before merge refused: kubegate's checks on the head ${PR_HEAD_SHA.slice(0, 7)} are not green: kubegate/policy is failure`);
    expect(s.deployments.deployments).toEqual([]);
    s.harness.assertDone();
  });

  test('refused while GitHub still computes mergeability: try again in a moment', async () => {
    const { reply, scenario: s } = await presync({ sync: '{mode: apply, allowPreMerge: true}', approved: true, mergeable: null, mergeableState: 'unknown' });
    expect(reply).toBe('@Codertocat\n\n❌ `sync apps` before merge refused: GitHub is still computing whether #2 can be merged; try again in a moment');
    s.harness.assertDone();
  });
});
