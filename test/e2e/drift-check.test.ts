// The drift check run on the default branch head, against the fake GitHub
// (requests checked against GitHub's OpenAPI description): created once per
// head, then PATCHed in place as drift appears and disappears; a new run only
// when the head moves; an unchanged report sends nothing.
import { createDriftCheckPublisher } from '../../src/app/drift/drift-check-publisher.js';
import type { DriftReport } from '../../src/drift/types.js';
import { createGitHubPort } from '../../src/github/create-github-port.js';
import { FakeGitHub, fakeCheckRuns } from '../harness/github/index.js';
import { testOctokit } from '../harness/github/start-app.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const HEAD = 'a'.repeat(40);
const NEXT = 'b'.repeat(40);

const inSync: DriftReport = { environment: 'prod', revision: HEAD, checked: 2, drifted: [] };
const drifted: DriftReport = {
  ...inSync,
  drifted: [{ ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' }, state: 'changed', fields: [{ path: 'spec.replicas', before: 2, after: 5, manager: 'kubectl', subresource: 'scale' }] }],
};

describe('drift check run', () => {
  let github: FakeGitHub;
  afterEach(() => github.stop());

  test('created once, updated in place as drift appears and disappears, a new run when the head moves', async () => {
    github = new FakeGitHub().start();
    const checks = fakeCheckRuns(github, { ...repo, appId: 29310 });
    const Octokit = testOctokit();
    const port = createGitHubPort(new Octokit({ auth: 'test-token' }), repo);
    const publisher = createDriftCheckPublisher(port, 'neutral');

    await publisher.publish(inSync, HEAD);
    await publisher.publish(drifted, HEAD);
    await publisher.publish(drifted, HEAD);
    await publisher.publish(inSync, HEAD);
    const [run] = checks.named('kubegate/drift (prod)', HEAD);
    expect(checks.named('kubegate/drift (prod)', HEAD)).toHaveLength(1);
    expect(run?.history).toEqual(['in_progress', 'completed:success', 'completed:neutral', 'completed:success']);

    await publisher.publish(drifted, NEXT);
    const [moved] = checks.named('kubegate/drift (prod)', NEXT);
    expect(moved?.conclusion).toBe('neutral');
    expect(moved?.output.summary).toContain('`spec.replicas`: `2` → `5` — by kubectl (scale)');
    github.assertDone();
  });
});
