// Work in flight when the app is asked to stop (SIGTERM from a redeploy,
// Ctrl-C). A pass or a sync holds a place while it runs, with what to do if it
// is cut short: complete its open check runs (and deployment statuses) saying
// the app stopped, so nothing is left in progress. On a stop the app refuses
// new deliveries (answered 500, so GitHub can redeliver them), waits for what
// runs to finish within a grace period, abandons what is left, then exits.

export interface InflightWork {
  /** True once a stop began: no new work may start. */
  readonly closing: boolean;
  /**
   * Holds a place for running work; `onAbandon` runs when the grace period
   * ends before the work does. Returns the release, called when it ends.
   */
  hold(label: string, onAbandon: () => Promise<void>): () => void;
  /** Stops new work, waits up to `graceMs` for the held work, then abandons the rest (each bounded by `abandonMs`). */
  drain(graceMs: number, abandonMs?: number): Promise<DrainResult>;
}

export interface DrainResult {
  /** Held work that ended within the grace period. */
  finished: number;
  /** Labels of the work abandoned. */
  abandoned: string[];
  /** Labels of the work whose abandon step failed or timed out, with the reason. */
  unreported: string[];
}

/** A stop that cannot start new work: what a delivery that arrives during a stop is told. */
export class ShuttingDownError extends Error {
  override readonly name = 'ShuttingDownError';
  constructor() {
    super('kubegate is stopping; this delivery was not handled (redeliver it once the app is back)');
  }
}

interface Held {
  label: string;
  onAbandon: () => Promise<void>;
}

export function createInflightWork(): InflightWork {
  const held = new Set<Held>();
  let closing = false;
  let finished = 0;
  let wake: (() => void) | undefined;

  return {
    get closing() {
      return closing;
    },
    hold(label, onAbandon) {
      if (closing) throw new ShuttingDownError();
      const entry: Held = { label, onAbandon };
      held.add(entry);
      return () => {
        if (!held.delete(entry)) return;
        if (closing) finished += 1;
        if (held.size === 0) wake?.();
      };
    },
    async drain(graceMs, abandonMs = 5_000) {
      closing = true;
      if (held.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const left = [...held];
      held.clear();
      const unreported: string[] = [];
      await Promise.all(
        left.map(async (entry) => {
          try {
            await withDeadline(entry.onAbandon(), abandonMs);
          } catch (error: unknown) {
            unreported.push(`${entry.label}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }),
      );
      return { finished, abandoned: left.map((e) => e.label), unreported };
    },
  };
}

async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** What an abandoned check run says. */
export const INTERRUPTED_OUTPUT = {
  title: 'Interrupted: kubegate stopped during this run',
  summary:
    'The kubegate app was stopped (for example by a redeploy) before this run finished, so it has no result. Press **Re-run** (or push again) to run it anew.',
};
