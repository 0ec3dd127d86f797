// In-process queue of syncs per environment: one runs at a time; while it
// runs, newer commits wait, and each newer commit replaces the one waiting
// before it (its changes are in the newer commit), so the queue never holds
// more than one.

/**
 * superseded: a newer commit `by` replaced this one while it waited in the
 * queue, or (`deployed`) the environment already runs `by`, which contains
 * this commit (another replica synced it first).
 */
export type QueueOutcome<T> = { status: 'ran'; value: T } | { status: 'superseded'; by: string; deployed?: boolean };

export interface SyncQueue {
  /** `sha` names the commit, for the superseded outcome of the one it replaces. */
  submit<T>(key: string, sha: string, task: () => Promise<T>): Promise<QueueOutcome<T>>;
}

interface Waiting {
  sha: string;
  start: () => void;
  supersede: (by: string) => void;
}

export function createSyncQueue(): SyncQueue {
  const running = new Set<string>();
  const waiting = new Map<string, Waiting>();
  const next = (key: string): void => {
    const w = waiting.get(key);
    waiting.delete(key);
    if (w) w.start();
    else running.delete(key);
  };
  return {
    submit<T>(key: string, sha: string, task: () => Promise<T>): Promise<QueueOutcome<T>> {
      return new Promise<QueueOutcome<T>>((resolve, reject) => {
        const start = (): void => {
          running.add(key);
          void task().then(
            (value) => resolve({ status: 'ran', value }),
            (err: unknown) => reject(err),
          ).finally(() => next(key));
        };
        if (!running.has(key)) {
          start();
          return;
        }
        waiting.get(key)?.supersede(sha);
        waiting.set(key, { sha, start, supersede: (by) => resolve({ status: 'superseded', by }) });
      });
    },
  };
}
