// ChatOps end to end through Probot: the derived issue_comment.created payload
// with different bodies and authors; GitHub is the harness's FakeGitHub (every
// request checked against GitHub's OpenAPI description).
import { spawnSync } from 'node:child_process';
import { pureDiffEnvironment } from '../unit/pipeline/pure-diff-environment.js';
import { CONFIG_TEXT, HEAD_SHA, passOperations } from './support/hello-world.js';
import { jest } from '@jest/globals';
import { COMMENT_ID, startChatOpsScenario, type ChatOpsScenario } from './support/chatops-scenario.js';

jest.setTimeout(30_000);
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const testWithKubectl = kubectl ? test : test.skip;

describe('chatops', () => {
  let scenario: ChatOpsScenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('/help: eyes, the help text, rocket; no permission is asked', async () => {
    scenario = await startChatOpsScenario();
    const { harness, comments, reactions } = scenario;
    await scenario.comment('Thanks!\n/help');
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    expect(comments.comments).toHaveLength(1);
    expect(comments.comments[0]?.body).toContain('kubegate commands (one per line, at the start of the line)');
    expect(harness.github.operations()).toEqual(['repos/get-content', 'reactions/create-for-issue-comment', 'issues/create-comment', 'reactions/create-for-issue-comment']);
    harness.assertDone();
  });

  test('reactions GitHub refuses do not stop the command: the reply is still posted', async () => {
    scenario = await startChatOpsScenario({ reactionsRefused: { status: 500, message: 'Server Error' } });
    const { harness, comments, reactions } = scenario;
    await scenario.comment('/help');
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    expect(comments.comments).toHaveLength(1);
    expect(comments.comments[0]?.body).toContain('kubegate commands (one per line, at the start of the line)');
    harness.assertDone();
  });

  test('an unknown command gets the help text and a confused reaction', async () => {
    scenario = await startChatOpsScenario();
    await scenario.comment('/deploy production');
    expect(scenario.comments.comments[0]?.body).toContain('kubegate did not understand this: "deploy" is not a kubegate command.');
    expect(scenario.comments.comments[0]?.body).toContain('`/sync [ENV]`');
    expect(scenario.reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    scenario.harness.assertDone();
  });

  test('a comment by a bot is ignored: no request at all', async () => {
    scenario = await startChatOpsScenario();
    await scenario.comment('/sync production', { login: 'renovate[bot]', type: 'Bot' });
    expect(scenario.harness.github.operations()).toEqual([]);
    scenario.harness.assertDone();
  });

  test('a quoted command and one in a code block are ignored', async () => {
    scenario = await startChatOpsScenario();
    await scenario.comment('> /sync production\n\n```\n/rollback production\n```\nDo not do that.');
    expect(scenario.harness.github.operations()).toEqual(['repos/get-content']);
    expect(scenario.reactions).toEqual([]);
    scenario.harness.assertDone();
  });

  test('an unauthorized /sync is refused with the rule that refused it (the default rule, then an environment rule)', async () => {
    scenario = await startChatOpsScenario({ permission: 'triage' });
    await scenario.comment('/sync production');
    expect(scenario.comments.comments[0]?.body).toBe('@Codertocat\n\n❌ `sync production` refused: the default rule of sync needs write permission; @Codertocat has triage');
    expect(scenario.reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} confused`]);
    expect(scenario.harness.github.requestsOf('repos/get-collaborator-permission-level')[0]?.params['username']).toBe('Codertocat');
    scenario.harness.assertDone();
    scenario.harness.stop();

    const config = `${CONFIG_TEXT}chatops:\n  commands:\n    sync:\n      environments:\n        production: {minPermission: admin}\n`;
    scenario = await startChatOpsScenario({ permission: 'maintain', config });
    await scenario.comment('/sync production');
    expect(scenario.comments.comments[0]?.body).toContain(
      'refused: chatops.commands.sync.environments.production needs admin permission; @Codertocat has maintain',
    );
    scenario.harness.assertDone();
  });

  test('/validate reruns the checks of the head and links kubegate/validate', async () => {
    scenario = await startChatOpsScenario({ permission: 'read' });
    const { harness, checkRuns, comments, reactions } = scenario;
    await scenario.comment('/validate');
    expect(checkRuns.named('kubegate/validate', HEAD_SHA)[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const reply = comments.comments.find((c) => c.body.startsWith('@Codertocat'));
    expect(reply?.body).toMatch(new RegExp(`✅ \`validate\`: ran the checks of ${HEAD_SHA.slice(0, 7)} again: \\[kubegate/validate\\]\\(.+\\): failure`));
    expect(reactions).toEqual([`${COMMENT_ID} eyes`, `${COMMENT_ID} rocket`]);
    expect(harness.github.operations()).toEqual([
      'repos/get-content',
      'reactions/create-for-issue-comment',
      'repos/get-collaborator-permission-level',
      'pulls/get',
      ...passOperations(),
      'checks/list-for-ref',
      'issues/create-comment',
      'reactions/create-for-issue-comment',
    ]);
    harness.assertDone();
  });

  testWithKubectl('/diff ENV reruns the checks and links that environment\'s diff run; an unknown environment is refused', async () => {
    scenario = await startChatOpsScenario({ permission: 'read', deps: { diffEnvironment: pureDiffEnvironment() } });
    const { harness, checkRuns, comments } = scenario;
    await scenario.comment('/diff staging');
    expect(checkRuns.named('kubegate/diff (staging)', HEAD_SHA)[0]).toMatchObject({ conclusion: 'success' });
    const reply = comments.comments.find((c) => c.body.startsWith('@Codertocat'));
    expect(reply?.body).toMatch(/✅ `diff`: ran the checks of \w{7} again: \[kubegate\/diff \(staging\)\]\(.+\): success$/);
    expect(harness.github.requestsOf('checks/create').length).toBe(5);
    harness.assertDone();
    harness.stop();

    scenario = await startChatOpsScenario({ permission: 'read' });
    await scenario.comment('/diff qa');
    expect(scenario.comments.comments[0]?.body).toContain('❌ `diff qa`: no environment "qa" in the config (known: apps, staging, production)');
    scenario.harness.assertDone();
  });

  test('/sync on an open pull request is refused where the environment does not allow pre-merge sync', async () => {
    scenario = await startChatOpsScenario({ permission: 'write' });
    await scenario.comment('/sync apps');
    expect(scenario.comments.comments[0]?.body).toBe(
      '@Codertocat\n\n❌ `sync apps` before merge refused: environment apps does not allow syncing before merge (`sync.allowPreMerge` is off), so merge #2 first',
    );
    expect(scenario.harness.github.operations()).toEqual([
      'repos/get-content',
      'reactions/create-for-issue-comment',
      'repos/get-collaborator-permission-level',
      'pulls/get',
      'issues/create-comment',
      'reactions/create-for-issue-comment',
    ]);
    scenario.harness.assertDone();
  });
});
