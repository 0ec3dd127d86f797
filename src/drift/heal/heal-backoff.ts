// When self-heal may re-apply an object again: after a heal, an object that
// drifts again within the current delay waits out the delay, and the delay
// doubles (30 s -> 10 min), so kubegate never fights a controller in a tight
// loop; an object that stays healed longer than its delay starts over.

export interface HealBackoffOptions {
  minMs?: number;
  maxMs?: number;
  now?: () => number;
}

export interface HealBackoff {
  /** ms to wait before healing `key` (0: now). */
  waitFor(key: string): number;
  /** Record a heal of `key` now. */
  healed(key: string): void;
}

export const DEFAULT_HEAL_MIN_MS = 30_000;
export const DEFAULT_HEAL_MAX_MS = 10 * 60_000;

export function createHealBackoff(options: HealBackoffOptions = {}): HealBackoff {
  const minMs = options.minMs ?? DEFAULT_HEAL_MIN_MS;
  const maxMs = options.maxMs ?? DEFAULT_HEAL_MAX_MS;
  const now = options.now ?? Date.now;
  const state = new Map<string, { at: number; delay: number }>();
  return {
    waitFor(key) {
      const last = state.get(key);
      if (!last) return 0;
      return Math.max(0, last.at + last.delay - now());
    },
    healed(key) {
      const last = state.get(key);
      const t = now();
      // Drifted again within twice the delay of the last heal: a fight; back off further.
      const delay = last && t - last.at < last.delay * 2 ? Math.min(last.delay * 2, maxMs) : minMs;
      state.set(key, { at: t, delay });
    },
  };
}
