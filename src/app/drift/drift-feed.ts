// Where one watched environment's drift reports go: the check run
// kubegate/drift (ENV) on the default branch head. The feed keeps the last
// report, so a moved head gets it at once, without listing the cluster again;
// and the newest port, whose installation token is fresh.
import type { DriftReport } from '../../drift/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import { createDriftCheckPublisher } from './drift-check-publisher.js';

export interface DriftFeed {
  report(report: DriftReport): Promise<void>;
  /** The default branch moved: the last report (if any yet) goes on a new run on `head`. */
  moveHead(port: GitHubPort, head: string): Promise<void>;
  head(): string;
  port(): GitHubPort;
  /** The page of the run on the current head, once published (a self-heal's Deployment links to it). */
  runUrl(): string | undefined;
}

export interface DriftFeedOptions {
  port: GitHubPort;
  head: string;
  onDrift: 'failure' | 'neutral';
}

export function createDriftFeed(options: DriftFeedOptions): DriftFeed {
  const publisher = createDriftCheckPublisher(options.onDrift);
  let { port, head } = options;
  let last: DriftReport | undefined;
  return {
    report(report) {
      last = report;
      return publisher.publish(port, report, head);
    },
    moveHead(newPort, newHead) {
      port = newPort;
      head = newHead;
      return last ? publisher.publish(port, last, head) : Promise.resolve();
    },
    head: () => head,
    port: () => port,
    runUrl: () => publisher.runUrl(),
  };
}
