// Who holds an environment after a pre-merge `/sync` ("<owner>/<repo>#<n>"),
// kept statelessly in the cluster: the annotation kubegate.dev/held-by on the
// environment's Lease "kubegate-sync-<env>", read and written while holding
// that Lease (its own field manager, so the Lease's renewals keep it).
import { withEnvironmentLease, type LeaseOptions } from './environment-lease.js';

export const HELD_BY_ANNOTATION = 'kubegate.dev/held-by';
const HOLD_FIELD_MANAGER = 'kubegate-hold';

export type TakeHoldOutcome = { taken: true } | { taken: false; holder: string };

/** Takes the hold for `pullRequest` unless another pull request holds the environment (the holder may take it again). */
export async function takeHold(options: LeaseOptions, pullRequest: string): Promise<TakeHoldOutcome> {
  return withEnvironmentLease(options, async (_signal, lease) => {
    const holder = lease.annotations()[HELD_BY_ANNOTATION];
    if (holder && holder !== pullRequest) return { taken: false, holder };
    if (holder !== pullRequest) await lease.annotate({ [HELD_BY_ANNOTATION]: pullRequest }, HOLD_FIELD_MANAGER);
    return { taken: true };
  });
}

/** Removes the hold when `pullRequest` has it; true when it did. */
export async function releaseHold(options: LeaseOptions, pullRequest: string): Promise<boolean> {
  return withEnvironmentLease(options, async (_signal, lease) => {
    if (lease.annotations()[HELD_BY_ANNOTATION] !== pullRequest) return false;
    await lease.annotate({}, HOLD_FIELD_MANAGER);
    return true;
  });
}
