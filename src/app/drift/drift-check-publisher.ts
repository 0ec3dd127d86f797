// Publishes drift reports of one environment as one check run per default
// branch head: the run is found (or created) once per head sha, then every
// later report PATCHes the same run; a new run only when the head moves.
// Reports identical to the last one published are not sent again.
import { buildDriftCheck } from '../../drift/build-drift-check.js';
import type { DriftReport } from '../../drift/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import { completeCheckRun, openCheckRun, outputOf } from '../sync/publish-check.js';

export interface DriftCheckPublisher {
  publish(report: DriftReport, headSha: string): Promise<void>;
}

export function createDriftCheckPublisher(port: GitHubPort, onDrift: 'failure' | 'neutral' = 'failure'): DriftCheckPublisher {
  let run: { sha: string; id: number; last: string } | undefined;
  return {
    async publish(report, headSha) {
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
      run = { sha: headSha, id: opened.id, last: fingerprint };
    },
  };
}
