// The Probot app: `probot run ./dist/app/index.js` loads this default export.
// Invalid app settings stop the start, with a message naming each setting.
import type { ApplicationFunction } from 'probot';
import { SettingsError } from '../settings/index.js';
import { createAppDeps, type AppDeps } from './app-deps.js';
import { createApp } from './create-app.js';

const kubegate: ApplicationFunction = (app, options) => {
  let deps: AppDeps;
  try {
    deps = createAppDeps();
  } catch (error: unknown) {
    if (error instanceof SettingsError) app.log.fatal(error.message);
    throw error;
  }
  const started = createApp(deps)(app, options);
  deps.restoreDrift?.((installationId) => app.auth(installationId), app.log);
  return started;
};

export default kubegate;
