// Publishes drift reports of one environment as one check run per default
// branch head: the run is found (or created) once per head sha, then every
// later report PATCHes the same run; a new run only when the head moves (the
// run on the old head keeps its last report). Reports identical to the last
// one published are not sent again. Publications run one at a time, so a
// report and a moved head never race to create two runs on one head.
import { buildDriftCheck } from '../../drift/build-drift-check.js';
import type { DriftReport } from '../../drift/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import { completeCheckRun, openCheckRun, outputOf } from '../sync/publish-check.js';

export interface DriftCheckPublisher {
  /** `port`: the repository's, with a current installation token. */
  publish(port: GitHubPort, report: DriftReport, headSha: string): Promise<void>;
  /** The current run's page on GitHub, once one was published. */
  runUrl(): string | undefined;
}

export function createDriftCheckPublisher(onDrift: 'failure' | 'neutral' = 'failure'): DriftCheckPublisher {
  let run: { sha: string; id: number; last: string; htmlUrl?: string } | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function send(port: GitHubPort, report: DriftReport, headSha: string): Promise<void> {
    const check = buildDriftCheck(report, onDrift);
    const fingerprint = `${check.conclusion}\n${check.summary}`;
    if (run?.sha === headSha) {
      if (run.last === fingerprint) return;
      await port.updateCheckRun(run.id, { status: 'completed', conclusion: check.conclusion === 'success' ? 'success' : onDrift, output: outputOf(check) });
      run.last = fingerprint;
      return;
    }
    const opened = await openCheckRun(port, headSha, check.name, `drift:${report.environment}`, outputOf(check));
    await completeCheckRun(port, opened, check);
    run = { sha: headSha, id: opened.id, last: fingerprint, ...(opened.htmlUrl ? { htmlUrl: opened.htmlUrl } : {}) };
  }

  return {
    publish(port, report, headSha) {
      const sent = queue.then(() => send(port, report, headSha));
      queue = sent.catch(() => undefined);
      return sent;
    },
    runUrl: () => run?.htmlUrl,
  };
}
