// A check run's external_id records which pull request and base it judged,
// so a re-run can find its pull request (fork pull requests are not listed in
// check_run payloads) and a redelivered event can tell work already done.

export interface RunOrigin {
  pullNumber: number;
  baseSha: string;
}

const PATTERN = /^kubegate:pr=(\d+):base=([0-9a-f]{7,64})(:incomplete)?$/;

export function formatExternalId(origin: RunOrigin): string {
  return `kubegate:pr=${origin.pullNumber}:base=${origin.baseSha}`;
}

/** The id a run gets when a pass failed before finishing, so a redelivery retries it. */
export function incompleteExternalId(externalId: string): string {
  return `${externalId}:incomplete`;
}

export function parseExternalId(externalId: string | null): RunOrigin | undefined {
  const m = PATTERN.exec(externalId ?? '');
  return m ? { pullNumber: Number(m[1]), baseSha: m[2] ?? '' } : undefined;
}
