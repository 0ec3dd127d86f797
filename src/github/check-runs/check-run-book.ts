// The check runs of one validation pass: which are open (in progress, so the
// pass must complete them whatever happens) and where each result goes.
import type { CheckResult } from '../../core/types.js';
import type { CheckRunInfo, CheckRunOutput, GitHubPort } from '../github-port.js';
import { incompleteExternalId } from './external-id.js';
import { planCheckRun, type PassTrigger } from './plan-check-run.js';

export type OpenedRun =
  | { status: 'open'; id: number; created: boolean }
  | { status: 'skip'; id: number; reason: string };
import { publishCheckResult } from './publish-check-result.js';

export interface CheckRunBookOptions {
  headSha: string;
  externalId: string;
  trigger: PassTrigger;
  /** The latest runs of this app for the head commit (one list request). */
  existing: readonly CheckRunInfo[];
  /** Shown while a run is in progress. */
  progress: CheckRunOutput;
  maxAnnotations?: number;
}

export interface CheckRunBook {
  /** Puts the run of `name` in progress (created or reused); a skip plan changes nothing. */
  open(name: string): Promise<OpenedRun>;
  /** Writes a result to the run of its name (opening it first when needed) and completes it. */
  publish(result: CheckResult): Promise<void>;
  /** Names of runs this pass opened and has not completed yet. */
  openNames(): string[];
  /** Completes every open run with conclusion failure and this output. */
  failOpen(output: CheckRunOutput): Promise<void>;
}

export function createCheckRunBook(port: GitHubPort, options: CheckRunBookOptions): CheckRunBook {
  const { headSha, externalId, trigger, existing, progress, maxAnnotations } = options;
  const open = new Map<string, number>();

  const openRun = async (name: string, planTrigger: PassTrigger): Promise<OpenedRun> => {
    const plan = planCheckRun(
      existing.find((run) => run.name === name),
      externalId,
      planTrigger,
    );
    if (plan.action === 'skip') return { status: 'skip', id: plan.id, reason: plan.reason };
    if (plan.action === 'reuse') {
      await port.updateCheckRun(plan.id, { status: 'in_progress', externalId, output: progress });
      open.set(name, plan.id);
      return { status: 'open', id: plan.id, created: false };
    }
    const run = await port.createCheckRun({ name, headSha, externalId, output: progress });
    open.set(name, run.id);
    return { status: 'open', id: run.id, created: true };
  };

  return {
    open: (name) => openRun(name, trigger),
    async publish(result) {
      let id = open.get(result.name);
      if (id === undefined) {
        const opened = await openRun(result.name, 'rerun');
        if (opened.status === 'skip') return;
        id = opened.id;
      }
      await publishCheckResult(port, id, result, maxAnnotations);
      open.delete(result.name);
    },
    openNames: () => [...open.keys()],
    async failOpen(output) {
      for (const [name, id] of [...open]) {
        await port.updateCheckRun(id, {
          status: 'completed',
          conclusion: 'failure',
          externalId: incompleteExternalId(externalId),
          output,
        });
        open.delete(name);
      }
    },
  };
}
