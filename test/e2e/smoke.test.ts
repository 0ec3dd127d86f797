import type { Report } from '../../src/core/types.js';
import type { PipelineInput } from '../../src/pipeline/types.js';
import { payloads, startScenario } from './support/hello-world.js';

async function stubPipeline(input: PipelineInput): Promise<Report> {
  const changed = [...input.head.files.values()].filter((f) => input.base.files.get(f.path)?.hash !== f.hash);
  return {
    baseSha: input.base.sha,
    headSha: input.head.sha,
    checks: [
      {
        name: 'kubegate/validate',
        conclusion: 'failure',
        title: 'stub',
        summary: `changed: ${changed.map((f) => f.path).join(', ')}`,
        findings: changed.map((f) => ({ check: 'validate', level: 'failure', file: f.path, line: 1, rule: 'stub', message: 'changed' })),
      },
    ],
    commentSections: [],
  };
}

test('smoke', async () => {
  const { harness, checkRuns, comments } = await startScenario({ runPipeline: stubPipeline });
  await harness.deliver('pull_request', payloads.opened);
  console.log(harness.github.operations({ withAuth: true }), harness.github.problems);
  console.log(JSON.stringify(checkRuns.runs, null, 1).slice(0, 3000));
  console.log(comments.comments);
  harness.assertDone();
});
