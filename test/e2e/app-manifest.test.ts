// app.yml (the manifest Probot registers the app from) asks for every event
// the app handles and the permissions its GitHub calls need; the default
// export of src/app/index.ts is the app Probot loads.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import kubegate from '../../src/app/index.js';
import { PULL_REQUEST_ACTIONS } from '../../src/app/create-app.js';
import { payloads, startScenario } from './support/hello-world.js';

const manifest = yaml.load(readFileSync('app.yml', 'utf8')) as {
  name: string;
  description: string;
  url: string;
  default_events: string[];
  default_permissions: Record<string, string>;
};

test('app.yml subscribes to the handled events and asks for the permissions the calls need', () => {
  expect(manifest).toMatchObject({ name: 'kubegate', url: expect.stringMatching(/^https:\/\//), description: expect.any(String) });
  const handled = new Set([...PULL_REQUEST_ACTIONS, 'check_run.rerequested', 'check_suite.rerequested', 'pull_request.closed', 'push', 'issue_comment.created'].map((e) => e.split('.')[0]));
  for (const event of handled) expect(manifest.default_events).toContain(event);
  expect(manifest.default_events).toEqual(expect.arrayContaining(['pull_request', 'push', 'issue_comment', 'check_run', 'check_suite']));
  expect(manifest.default_permissions).toEqual({
    checks: 'write',
    contents: 'write',
    pull_requests: 'write',
    issues: 'write',
    deployments: 'write',
    statuses: 'read',
    members: 'read',
    metadata: 'read',
  });
  expect(readFileSync('app.yml', 'utf8')).not.toMatch(/api\.github\.com/);
});

test('the default export is the app Probot loads: a delivery runs a full pass', async () => {
  const { harness, checkRuns, comments } = await startScenario({ app: kubegate });
  try {
    await harness.deliver('pull_request', payloads.opened);
    expect(checkRuns.runs.map((r) => [r.name, r.status])).toEqual([
      ['kubegate/validate', 'completed'],
      ['kubegate/policy', 'completed'],
    ]);
    expect(comments.comments).toHaveLength(1);
    harness.assertDone();
  } finally {
    harness.stop();
  }
}, 30_000);
