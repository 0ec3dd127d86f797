// Decides, from the latest run of a name for the head commit, whether a pass
// creates a run, reuses it, or has nothing to do. Idempotence per head SHA and
// name: a redelivered webhook or a re-run never adds a second run, except when
// the existing run carries annotations (GitHub only appends annotations, so
// reusing it would show the old findings next to the new ones; a new run
// replaces it in the pull request, which shows the latest run per name).
import type { CheckRunInfo } from '../github-port.js';

export type PassTrigger = 'event' | 'rerun';

export type CheckRunPlan =
  | { action: 'create' }
  | { action: 'reuse'; id: number }
  | { action: 'skip'; id: number; reason: string };

export function planCheckRun(existing: CheckRunInfo | undefined, externalId: string, trigger: PassTrigger): CheckRunPlan {
  if (!existing) return { action: 'create' };
  if (existing.status !== 'completed') return { action: 'reuse', id: existing.id };
  if (trigger === 'event' && existing.externalId === externalId) {
    return { action: 'skip', id: existing.id, reason: 'this head was already validated against this base' };
  }
  if (existing.annotationsCount > 0) return { action: 'create' };
  return { action: 'reuse', id: existing.id };
}
