// Check-run output within GitHub's limits: annotations ordered and capped,
// long text cut with a visible note, never silently.
import type { CheckResult, Finding } from '../../../src/core/types.js';
import { checkRunOutput } from '../../../src/github/check-runs/check-run-output.js';
import { planCheckRun } from '../../../src/github/check-runs/plan-check-run.js';
import { inBatches, toAnnotations } from '../../../src/github/check-runs/to-annotations.js';
import type { CheckRunInfo } from '../../../src/github/github-port.js';
import { CHECK_OUTPUT_MAX_CHARS, truncateText } from '../../../src/github/truncate-text.js';

const finding = (level: Finding['level'], line: number): Finding => ({
  check: 'validate',
  level,
  file: 'apps/web/deployment.yaml',
  line,
  rule: 'schema',
  message: `problem at ${line}`,
  object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
  field: 'spec.replicas',
});

const result = (summary: string, findings: Finding[] = [], text?: string): CheckResult => ({
  name: 'kubegate/validate',
  conclusion: 'failure',
  title: 'Validation failed',
  summary,
  findings,
  ...(text === undefined ? {} : { text }),
});

test('annotations: failures first, line at least 1, capped with a count of what was left out', () => {
  const { annotations, omitted } = toAnnotations([finding('notice', 3), finding('failure', 0), finding('warning', 5)], 2);
  expect(annotations).toEqual([
    {
      path: 'apps/web/deployment.yaml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      message: 'problem at 0',
      title: 'Deployment web: validate (schema)',
    },
    expect.objectContaining({ annotation_level: 'warning', start_line: 5 }),
  ]);
  expect(omitted).toBe(1);
  expect(inBatches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
});

test('the summary says how many findings are not annotated', () => {
  const output = checkRunOutput(result('3 problems'), 1, 2);
  expect(output.summary).toBe(
    '3 problems\n\n> **Note:** 1 more finding is not shown as annotations (at most 2 per check run); the pull-request comment lists them.',
  );
});

test('summary and text over 65,535 characters are cut with a visible note, and the annotation note survives', () => {
  const long = 'x'.repeat(70_000);
  const output = checkRunOutput(result(long, [], long), 5, 1000);
  expect(output.summary.length).toBeLessThanOrEqual(CHECK_OUTPUT_MAX_CHARS);
  expect(output.summary).toMatch(/\*\*Truncated:\*\* \d+ more characters of this summary are not shown \(GitHub allows \d+\)\./);
  expect(output.summary).toMatch(/5 more findings are not shown as annotations/);
  expect(output.text?.length).toBeLessThanOrEqual(CHECK_OUTPUT_MAX_CHARS);
  expect(output.text).toMatch(/more characters of this text are not shown/);
});

test('truncation never splits a surrogate pair', () => {
  const cut = truncateText('😀'.repeat(200), 150, 'summary');
  expect(cut.length).toBeLessThanOrEqual(150);
  expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
});

describe('planCheckRun', () => {
  const run = (over: Partial<CheckRunInfo>): CheckRunInfo => ({
    id: 7,
    name: 'kubegate/validate',
    headSha: 'h',
    status: 'completed',
    conclusion: 'failure',
    externalId: 'kubegate:pr=2:base=aaaaaaa',
    annotationsCount: 0,
    appId: 1,
    ...over,
  });
  test.each([
    ['no run yet', undefined, 'event', { action: 'create' }],
    ['a run in progress (a redelivery racing, or a crashed pass)', run({ status: 'in_progress' }), 'event', { action: 'reuse', id: 7 }],
    ['the same head and base already done', run({ annotationsCount: 3 }), 'event', { action: 'skip', id: 7 }],
    ['a completed run without annotations, on a re-run', run({}), 'rerun', { action: 'reuse', id: 7 }],
    ['a completed run with annotations, on a re-run', run({ annotationsCount: 3 }), 'rerun', { action: 'create' }],
    ['the same head against a new base', run({ externalId: 'kubegate:pr=2:base=bbbbbbb' }), 'event', { action: 'reuse', id: 7 }],
    ['a pass that failed before finishing', run({ externalId: 'kubegate:pr=2:base=aaaaaaa:incomplete' }), 'event', { action: 'reuse', id: 7 }],
  ] as const)('%s', (_name, existing, trigger, expected) => {
    expect(planCheckRun(existing, 'kubegate:pr=2:base=aaaaaaa', trigger)).toMatchObject(expected);
  });
});
