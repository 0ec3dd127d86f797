// The Probot app: `probot run ./dist/app/index.js` loads this default export.
// Invalid app settings stop the start, with a message naming each setting.
// SIGTERM/SIGINT drain the work in flight (src/app/stop-on-signal.ts).
import type { ApplicationFunction } from 'probot';
import { createAppDeps, type AppDeps } from './app-deps.js';
import { createApp } from './create-app.js';
import { shutdownGraceMs, stopOnSignal } from './stop-on-signal.js';

const kubegate: ApplicationFunction = (app, options) => {
  let deps: AppDeps;
  let graceMs: number;
  try {
    deps = createAppDeps();
    graceMs = shutdownGraceMs();
  } catch (error: unknown) {
    app.log.fatal(error instanceof Error ? error.message : String(error));
    throw error;
  }
  const started = createApp(deps)(app, options);
  if (deps.inflight) stopOnSignal(deps.inflight, app.log, graceMs);
  deps.restoreDrift?.((installationId) => app.auth(installationId), app.log);
  return started;
};

export default kubegate;
