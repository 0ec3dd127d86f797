// Writes one CheckResult to its run: annotation batches of 50 are appended
// while the run is in progress, and the last request carries the conclusion,
// so a failure while adding annotations can never leave a completed run that
// silently lacks some (the pass's error boundary reports it instead).
import type { CheckResult } from '../../core/types.js';
import type { GitHubPort } from '../github-port.js';
import { checkRunOutput } from './check-run-output.js';
import { inBatches, MAX_ANNOTATIONS, toAnnotations } from './to-annotations.js';

export async function publishCheckResult(
  port: GitHubPort,
  runId: number,
  result: CheckResult,
  maxAnnotations = MAX_ANNOTATIONS,
): Promise<void> {
  const { annotations, omitted } = toAnnotations(result.findings, maxAnnotations);
  const output = checkRunOutput(result, omitted, maxAnnotations);
  const batches = inBatches(annotations);
  const last = batches.pop();
  for (const batch of batches) {
    await port.updateCheckRun(runId, { output: { ...output, annotations: batch } });
  }
  await port.updateCheckRun(runId, {
    status: 'completed',
    conclusion: result.conclusion,
    output: last ? { ...output, annotations: last } : output,
  });
}
