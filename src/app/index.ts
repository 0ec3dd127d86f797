// The Probot app: `probot run ./dist/app/index.js` loads this default export.
import type { ApplicationFunction } from 'probot';
import { createAppDeps } from './app-deps.js';
import { createApp } from './create-app.js';

const kubegate: ApplicationFunction = (app, options) => createApp(createAppDeps())(app, options);

export default kubegate;
