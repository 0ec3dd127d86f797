// Remembers recent webhook deliveries (X-GitHub-Delivery ids) in a small
// in-memory LRU, so a redelivered webhook is ignored while its first copy is
// running or after it succeeded. A failed delivery is forgotten: GitHub's
// "Redeliver" (same id) then retries it. Per process: several replicas rely
// on the check-run upsert instead.

export interface DeliveryLog {
  /** False when the id is running or done: the caller skips it. */
  begin(id: string): boolean;
  end(id: string, succeeded: boolean): void;
}

export function createDeliveryLog(max = 1000): DeliveryLog {
  const seen = new Map<string, 'running' | 'done'>();
  return {
    begin(id) {
      if (seen.has(id)) return false;
      seen.set(id, 'running');
      while (seen.size > max) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      return true;
    },
    end(id, succeeded) {
      if (succeeded) seen.set(id, 'done');
      else seen.delete(id);
    },
  };
}
