// The drift check run on the default branch head, against the fake GitHub
// (requests checked against GitHub's OpenAPI description): created once per
// head, then PATCHed in place as drift appears and disappears; a new run only
// when the head moves; an unchanged report sends nothing. The feed of a
// watched environment moves its last report to a new head at once.
import { createDriftCheckPublisher } from '../../src/app/drift/drift-check-publisher.js';
import { createDriftFeed } from '../../src/app/drift/drift-feed.js';
import type { DriftReport } from '../../src/drift/types.js';
import { createGitHubPort } from '../../src/github/create-github-port.js';
import type { GitHubPort } from '../../src/github/github-port.js';
import { FakeGitHub, fakeCheckRuns, type CheckRunsFake } from '../harness/github/index.js';
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

  /** The fake GitHub with its check runs, and a port to it. */
  function start(): { checks: CheckRunsFake; port: GitHubPort } {
    github = new FakeGitHub().start();
    const checks = fakeCheckRuns(github, { ...repo, appId: 29310 });
    const Octokit = testOctokit();
    return { checks, port: createGitHubPort(new Octokit({ auth: 'test-token' }), repo) };
  }

  test('created once, updated in place as drift appears and disappears, a new run when the head moves', async () => {
    const { checks, port } = start();
    const publisher = createDriftCheckPublisher('neutral');

    await publisher.publish(port, inSync, HEAD);
    await publisher.publish(port, drifted, HEAD);
    await publisher.publish(port, drifted, HEAD);
    await publisher.publish(port, inSync, HEAD);
    const [run] = checks.named('kubegate/drift (prod)', HEAD);
    expect(checks.named('kubegate/drift (prod)', HEAD)).toHaveLength(1);
    expect(run?.history).toEqual(['in_progress', 'completed:success', 'completed:neutral', 'completed:success']);

    await publisher.publish(port, drifted, NEXT);
    const [moved] = checks.named('kubegate/drift (prod)', NEXT);
    expect(moved?.conclusion).toBe('neutral');
    expect(moved?.output.summary).toContain('`spec.replicas`: `2` → `5` — by kubectl (scale)');
    github.assertDone();
  });

  test('a moved head gets a new run with the last report; the run on the old head keeps its last report', async () => {
    const { checks, port } = start();
    const feed = createDriftFeed({ port, head: HEAD, onDrift: 'failure' });

    await feed.report(inSync);
    // A report and a moved head at the same time: one run per head, never two.
    await Promise.all([feed.report(drifted), feed.moveHead(port, NEXT)]);
    expect(feed.head()).toBe(NEXT);
    expect(checks.named('kubegate/drift (prod)', HEAD)).toHaveLength(1);
    expect(checks.named('kubegate/drift (prod)', NEXT)).toHaveLength(1);
    expect(checks.named('kubegate/drift (prod)', HEAD)[0]?.history).toEqual(['in_progress', 'completed:success', 'completed:failure']);
    const [next] = checks.named('kubegate/drift (prod)', NEXT);
    expect(next?.conclusion).toBe('failure');
    expect(next?.output.summary).toContain('`spec.replicas`: `2` → `5`');

    // Drift disappears: only the run on the current head says so.
    await feed.report(inSync);
    expect(checks.named('kubegate/drift (prod)', NEXT)[0]?.conclusion).toBe('success');
    expect(checks.named('kubegate/drift (prod)', HEAD)[0]?.conclusion).toBe('failure');
    github.assertDone();
  });

  test('a head that moves before the first report publishes nothing yet', async () => {
    const { checks, port } = start();
    const feed = createDriftFeed({ port, head: HEAD, onDrift: 'neutral' });
    await feed.moveHead(port, NEXT);
    expect(checks.runs).toEqual([]);
    await feed.report(drifted);
    expect(checks.runs.map((r) => `${r.head_sha} ${r.conclusion ?? ''}`)).toEqual([`${NEXT} neutral`]);
  });
});
