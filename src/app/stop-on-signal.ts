// On SIGTERM or SIGINT (a redeploy, Ctrl-C): refuse new deliveries, let the
// passes and syncs in flight finish within the grace period, complete what is
// left as interrupted, then exit. Without this, Node exits at once and every
// check run in progress stays "in progress" on GitHub.
import type { Logger } from 'probot';
import type { InflightWork } from './inflight.js';

/** Grace period in seconds: KUBEGATE_SHUTDOWN_GRACE_SECONDS, default 25 (inside Kubernetes' default 30 s termination grace). */
export function shutdownGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['KUBEGATE_SHUTDOWN_GRACE_SECONDS'];
  if (raw === undefined || raw === '') return 25_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`KUBEGATE_SHUTDOWN_GRACE_SECONDS must be a number of seconds ≥ 0, got "${raw}"`);
  return seconds * 1000;
}

export function stopOnSignal(inflight: InflightWork, log: Pick<Logger, 'info' | 'warn'>, graceMs: number, exit: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn(`kubegate: ${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    log.info(`kubegate: ${signal}: no new deliveries; waiting up to ${graceMs / 1000} s for the work in flight`);
    void inflight.drain(graceMs).then(
      (result) => {
        if (result.abandoned.length > 0) log.warn(`kubegate: stopped before ${result.abandoned.join(', ')} finished; their check runs say so`);
        for (const line of result.unreported) log.warn(`kubegate: could not mark as interrupted: ${line}`);
        log.info(`kubegate: stopped (${result.finished} finished during the stop, ${result.abandoned.length} interrupted)`);
        exit(0);
      },
      () => exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
