// Public surface of the app settings (cluster access; never from a repository).
export { clusterConnection } from './cluster-connection.js';
export type { ClusterConnection } from './cluster-connection.js';
export { decideClusterDryRun } from './decide-cluster-dry-run.js';
export { decideDriftWatch } from './decide-drift-watch.js';
export type { DriftWatchDecision, DriftWatchRequest } from './decide-drift-watch.js';
export type { DryRunDecision, DryRunRequest } from './decide-cluster-dry-run.js';
export { loadAppSettings, SETTINGS_FILE_ENV, SETTINGS_JSON_ENV } from './load-app-settings.js';
export type { LoadAppSettingsDeps } from './load-app-settings.js';
export { DEFAULT_DRY_RUN, DEFAULT_LEASE_NAMESPACE, parseAppSettings } from './parse-app-settings.js';
export { SettingsError } from './settings-error.js';
export type * from './types.js';
