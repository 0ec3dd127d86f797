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

interface Checked {
  health: Health;
  /** The read failed (network, deadline): the health says so, but an earlier read may say more. */
  readFailed: boolean;
}

async function check(client: ClusterClient, target: HealthTarget, signal: AbortSignal | undefined): Promise<Checked> {
  try {
    const live = await client.find(toObjectRef(target.ref), signal ? { signal } : {});
    const health: Health = live === null ? { state: 'failed', reason: 'the object is gone' } : target.assess(live as JsonObject);
    return { health, readFailed: false };
  } catch (err: unknown) {
    const reason = `could not be read: ${err instanceof Error ? err.message : String(err)}`;
    return { health: { state: 'progressing', reason }, readFailed: true };
  }
}

export async function waitForHealth(targets: readonly HealthTarget[], options: WaitOptions): Promise<UnhealthyObject[]> {
  const { client, deadline, signal, now = Date.now, sleep = defaultSleep } = options;
  let pending = [...targets];
  const failed: UnhealthyObject[] = [];
  let pause = options.pollMs ?? 250;
  // The last reason read from the object itself: a read cut short by the
  // deadline should not hide why the object was not healthy.
  const lastSeen = new Map<HealthTarget, string>();
  for (;;) {
    const results = await Promise.all(pending.map(async (t) => ({ t, ...(await check(client, t, signal)) })));
    const still: Array<{ t: HealthTarget; reason: string }> = [];
    for (const { t, health, readFailed } of results) {
      if (health.state === 'failed') failed.push({ ref: t.ref, reason: health.reason });
      else if (health.state === 'progressing') {
        if (!readFailed) lastSeen.set(t, health.reason);
        still.push({ t, reason: (readFailed ? lastSeen.get(t) : undefined) ?? health.reason });
      }
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
