// Completes one check run on a commit with a result: the run of that name is
// reused when it exists (a redelivery, a restart), else created.
import type { CheckResult } from '../../core/types.js';
import type { CheckRunInfo, CheckRunOutput, GitHubPort } from '../../github/github-port.js';
import { CHECK_OUTPUT_MAX_CHARS, shortenText, truncateText } from '../../github/truncate-text.js';

export function outputOf(result: Pick<CheckResult, 'title' | 'summary'>): CheckRunOutput {
  return { title: shortenText(result.title, 1000), summary: truncateText(result.summary, CHECK_OUTPUT_MAX_CHARS, 'summary') };
}

/** The run named `name` on the commit, in progress (created, or the existing one reused). */
export async function openCheckRun(port: GitHubPort, sha: string, name: string, externalId: string, output: CheckRunOutput): Promise<CheckRunInfo> {
  const existing = (await port.listCheckRuns(sha, await port.appId())).find((r) => r.name === name);
  if (!existing) return port.createCheckRun({ name, headSha: sha, externalId, output });
  await port.updateCheckRun(existing.id, { status: 'in_progress', externalId, output });
  return existing;
}

export async function completeCheckRun(port: GitHubPort, run: CheckRunInfo, result: CheckResult): Promise<void> {
  await port.updateCheckRun(run.id, { status: 'completed', conclusion: result.conclusion, output: outputOf(result) });
}
