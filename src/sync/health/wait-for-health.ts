// Polls objects until each is healthy, failed for good, or the deadline
// passes; returns those that are not healthy, with the reason.
import type { ClusterClient } from '../../cluster/index.js';
import type { JsonObject, ResolvedRef } from '../../diff/types.js';
import { toObjectRef } from '../object-ref.js';
import type { UnhealthyObject } from '../types.js';
import type { Health } from './assess-health.js';

export interface HealthTarget {
  ref: ResolvedRef;
  assess: (object: JsonObject) => Health;
}

export interface WaitOptions {
  client: ClusterClient;
  /** Epoch milliseconds. */
  deadline: number;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** First pause between polls; doubles up to 2 s. */
  pollMs?: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function check(client: ClusterClient, target: HealthTarget, signal: AbortSignal | undefined): Promise<Health> {
  try {
    const live = await client.find(toObjectRef(target.ref), signal ? { signal } : {});
    return live === null ? { state: 'failed', reason: 'the object is gone' } : target.assess(live as JsonObject);
  } catch (err: unknown) {
    return { state: 'progressing', reason: `could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export async function waitForHealth(targets: readonly HealthTarget[], options: WaitOptions): Promise<UnhealthyObject[]> {
  const { client, deadline, signal, now = Date.now, sleep = defaultSleep } = options;
  let pending = [...targets];
  const failed: UnhealthyObject[] = [];
  let pause = options.pollMs ?? 250;
  for (;;) {
    const results = await Promise.all(pending.map(async (t) => ({ t, health: await check(client, t, signal) })));
    const still: Array<{ t: HealthTarget; reason: string }> = [];
    for (const { t, health } of results) {
      if (health.state === 'failed') failed.push({ ref: t.ref, reason: health.reason });
      else if (health.state === 'progressing') still.push({ t, reason: health.reason });
    }
    pending = still.map((s) => s.t);
    const outOfTime = now() + pause > deadline || signal?.aborted === true;
    if (still.length === 0 || outOfTime) {
      return [...failed, ...still.map((s) => ({ ref: s.t.ref, reason: `not healthy in time: ${s.reason}` }))];
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 2_000);
  }
}
