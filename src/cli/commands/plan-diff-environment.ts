// Where `kubegate plan` sends environments for the cluster diff: with
// --kubeconfig, every cluster name the config uses maps to that kubeconfig
// (and --context); else the app settings (KUBEGATE_SETTINGS or
// KUBEGATE_SETTINGS_JSON), if set. plan runs with its user's own credentials,
// so the settings' repository lists and fork rule do not apply.
import { resolve } from 'node:path';
import type { ConfigLoadResult } from '../../config/types.js';
import type { DiffEnvironment } from '../../diff/types.js';
import { loadAppSettings, parseAppSettings, SETTINGS_FILE_ENV, SETTINGS_JSON_ENV, type AppSettings } from '../../settings/index.js';
import type { CliIo } from '../io.js';

export type CreateDiffEnvironment = (settings: AppSettings) => Promise<DiffEnvironment>;

export interface PlanClusterFlags {
  kubeconfig?: string;
  context?: string;
}

/** The cluster adapter is loaded only when a diff is asked for (it takes a while to import). */
export const loadDiffEnvironment: CreateDiffEnvironment = async (settings) => (await import('../../cluster/index.js')).createDiffEnvironment(settings);

function clusterNames(config: ConfigLoadResult): string[] {
  if (!config.ok) return [];
  return [...new Set(config.config.environments.flatMap((e) => (e.cluster ? [e.cluster] : [])))];
}

function kubeconfigSettings(names: readonly string[], flags: Required<Pick<PlanClusterFlags, 'kubeconfig'>> & PlanClusterFlags, cwd: string): AppSettings {
  const cluster = { kubeconfig: resolve(cwd, flags.kubeconfig), ...(flags.context ? { context: flags.context } : {}), repositories: ['*/*'] };
  return parseAppSettings({ clusters: Object.fromEntries(names.map((name) => [name, cluster])) }, `kubegate plan --kubeconfig ${flags.kubeconfig}`, cwd);
}

function forAnyRepository(settings: AppSettings): AppSettings {
  const clusters = new Map([...settings.clusters].map(([name, c]) => [name, { ...c, repositories: ['*/*'] }]));
  return { ...settings, clusters, allowForks: true };
}

/** The settings plan dry-runs with; undefined when no cluster is configured. */
export function planSettings(flags: PlanClusterFlags, config: ConfigLoadResult, io: Pick<CliIo, 'env' | 'cwd'>): AppSettings | undefined {
  const names = clusterNames(config);
  if (flags.kubeconfig) return names.length > 0 ? kubeconfigSettings(names, { ...flags, kubeconfig: flags.kubeconfig }, io.cwd) : undefined;
  if (!io.env[SETTINGS_FILE_ENV] && !io.env[SETTINGS_JSON_ENV]) return undefined;
  const settings = loadAppSettings({ env: io.env, cwd: io.cwd });
  return settings.clusters.size > 0 ? forAnyRepository(settings) : undefined;
}
