// Validates a parsed settings document into AppSettings, collecting every
// problem with the field it is about. Unknown fields are errors, so a typo
// never silently switches a rule off.
import { isAbsolute, resolve } from 'node:path';
import { SettingsError } from './settings-error.js';
import { parseDriftSettings } from './parse-drift-settings.js';
import type { AppSettings, ArgoCdSettings, ClusterSettings, DryRunSettings, SchemaLocationSettings } from './types.js';

export const DEFAULT_DRY_RUN: DryRunSettings = { concurrency: 8, timeoutSeconds: 120 };

const TOP_FIELDS = ['clusters', 'allowForks', 'unreachableConclusion', 'dryRun', 'schemaLocations', 'drift'];
const CLUSTER_FIELDS = ['kubeconfig', 'context', 'inCluster', 'repositories', 'leaseNamespace', 'argocd', 'drift'];
const ARGOCD_FIELDS = ['url', 'tokenEnv'];
export const DEFAULT_LEASE_NAMESPACE = 'kube-system';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DRY_RUN_FIELDS = ['concurrency', 'timeoutSeconds'];
const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const REPOSITORY_GLOB = /^[^/\s]+\/[^/\s]+$/;

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownFields(value: Fields, known: readonly string[], at: string, problems: string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) problems.push(`${at}${key}: unknown field (known: ${known.join(', ')})`);
  }
}

function optionalString(value: unknown, at: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push(`${at}: expected a non-empty string`);
  return undefined;
}

function repositories(value: unknown, at: string, problems: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${at}: expected a list of owner/name globs (e.g. ["my-org/*"]); a cluster no repository may use is useless`);
    return [];
  }
  return value.filter((glob, i) => {
    const ok = typeof glob === 'string' && REPOSITORY_GLOB.test(glob);
    if (!ok) problems.push(`${at}[${i}]: expected an owner/name glob such as "my-org/*" or "my-org/gitops", not ${JSON.stringify(glob)}`);
    return ok;
  }) as string[];
}

function parseArgoCd(value: unknown, at: string, problems: string[]): ArgoCdSettings | undefined {
  if (value === undefined) return undefined;
  if (!isFields(value)) {
    problems.push(`${at}: expected a mapping with url and tokenEnv`);
    return undefined;
  }
  unknownFields(value, ARGOCD_FIELDS, `${at}.`, problems);
  const url = optionalString(value.url, `${at}.url`, problems);
  const tokenEnv = optionalString(value.tokenEnv, `${at}.tokenEnv`, problems);
  if (url === undefined || !/^https?:\/\/[^/]/.test(url)) problems.push(`${at}.url: expected the Argo CD server's http(s) URL`);
  if (tokenEnv === undefined || !ENV_NAME.test(tokenEnv)) problems.push(`${at}.tokenEnv: expected the name of an environment variable that holds the token (not the token)`);
  return url && tokenEnv ? { url: url.replace(/\/+$/, ''), tokenEnv } : undefined;
}

function parseCluster(name: string, value: unknown, baseDir: string, problems: string[]): ClusterSettings | undefined {
  const at = `clusters.${name}`;
  if (!CLUSTER_NAME.test(name)) problems.push(`${at}: a cluster name uses letters, digits, ".", "_" and "-"`);
  if (!isFields(value)) {
    problems.push(`${at}: expected a mapping with kubeconfig (or inCluster: true) and repositories`);
    return undefined;
  }
  unknownFields(value, CLUSTER_FIELDS, `${at}.`, problems);
  const kubeconfig = optionalString(value.kubeconfig, `${at}.kubeconfig`, problems);
  const context = optionalString(value.context, `${at}.context`, problems);
  if (value.inCluster !== undefined && typeof value.inCluster !== 'boolean') problems.push(`${at}.inCluster: expected true or false`);
  const inCluster = value.inCluster === true;
  if (inCluster === (kubeconfig !== undefined)) problems.push(`${at}: set exactly one of kubeconfig (a file path) and inCluster: true`);
  if (inCluster && context !== undefined) problems.push(`${at}.context: only meaningful with kubeconfig`);
  if (value.drift !== undefined && typeof value.drift !== 'boolean') problems.push(`${at}.drift: expected true or false (false: no drift watching on this cluster)`);
  const argocd = parseArgoCd(value.argocd, `${at}.argocd`, problems);
  return {
    name,
    inCluster,
    repositories: repositories(value.repositories, `${at}.repositories`, problems),
    leaseNamespace: optionalString(value.leaseNamespace, `${at}.leaseNamespace`, problems) ?? DEFAULT_LEASE_NAMESPACE,
    ...(argocd === undefined ? {} : { argocd }),
    ...(typeof value.drift === 'boolean' ? { drift: value.drift } : {}),
    ...(kubeconfig === undefined ? {} : { kubeconfig: isAbsolute(kubeconfig) ? kubeconfig : resolve(baseDir, kubeconfig) }),
    ...(context === undefined ? {} : { context }),
  };
}

function positiveInteger(value: unknown, fallback: number, at: string, max: number, problems: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) return value;
  problems.push(`${at}: expected a whole number from 1 to ${max}`);
  return fallback;
}

function parseDryRun(value: unknown, problems: string[]): DryRunSettings {
  if (value === undefined) return DEFAULT_DRY_RUN;
  if (!isFields(value)) {
    problems.push('dryRun: expected a mapping (concurrency, timeoutSeconds)');
    return DEFAULT_DRY_RUN;
  }
  unknownFields(value, DRY_RUN_FIELDS, 'dryRun.', problems);
  return {
    concurrency: positiveInteger(value.concurrency, DEFAULT_DRY_RUN.concurrency, 'dryRun.concurrency', 64, problems),
    timeoutSeconds: positiveInteger(value.timeoutSeconds, DEFAULT_DRY_RUN.timeoutSeconds, 'dryRun.timeoutSeconds', 3600, problems),
  };
}

/** An absolute folder or an http(s) URL with a path, ending in "/" (so "https://a.example" cannot match "https://a.example.evil"). */
const SCHEMA_LOCATION_PREFIX = /^(\/|https?:\/\/[^/\s]+\/)(\S*\/)?$/;

function parseSchemaLocations(value: unknown, problems: string[]): SchemaLocationSettings {
  if (value === undefined) return { allow: [] };
  if (!isFields(value) || !Array.isArray(value.allow)) {
    problems.push('schemaLocations: expected a mapping with allow, a list of folder or URL prefixes (e.g. allow: ["https://schemas.example.com/k8s/"])');
    return { allow: [] };
  }
  unknownFields(value, ['allow'], 'schemaLocations.', problems);
  const allow = value.allow.filter((prefix: unknown, i) => {
    const ok = typeof prefix === 'string' && SCHEMA_LOCATION_PREFIX.test(prefix) && !prefix.split('/').includes('..');
    if (!ok) problems.push(`schemaLocations.allow[${i}]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not ${JSON.stringify(prefix)}`);
    return ok;
  });
  return { allow: allow as string[] };
}

function parseClusters(value: unknown, baseDir: string, problems: string[]): Map<string, ClusterSettings> {
  const clusters = new Map<string, ClusterSettings>();
  if (value === undefined) return clusters;
  if (!isFields(value)) {
    problems.push('clusters: expected a mapping of cluster name to its settings');
    return clusters;
  }
  for (const [name, cluster] of Object.entries(value)) {
    const parsed = parseCluster(name, cluster, baseDir, problems);
    if (parsed) clusters.set(name, parsed);
  }
  return clusters;
}

/**
 * `document`: the parsed YAML/JSON. `baseDir`: where relative kubeconfig
 * paths start (the settings file's folder). Throws SettingsError.
 */
export function parseAppSettings(document: unknown, source: string, baseDir: string): AppSettings {
  const problems: string[] = [];
  const value = document ?? {};
  if (!isFields(value)) throw new SettingsError(source, ['expected a mapping with clusters, allowForks, unreachableConclusion, dryRun, schemaLocations, drift']);
  unknownFields(value, TOP_FIELDS, '', problems);
  if (value.allowForks !== undefined && typeof value.allowForks !== 'boolean') problems.push('allowForks: expected true or false');
  const conclusion = value.unreachableConclusion ?? 'failure';
  if (conclusion !== 'failure' && conclusion !== 'neutral') problems.push(`unreachableConclusion: expected "failure" or "neutral", not ${JSON.stringify(conclusion)}`);
  const drift = parseDriftSettings(value.drift, problems);
  const settings: AppSettings = {
    clusters: parseClusters(value.clusters, baseDir, problems),
    allowForks: value.allowForks === true,
    unreachableConclusion: conclusion === 'neutral' ? 'neutral' : 'failure',
    dryRun: parseDryRun(value.dryRun, problems),
    schemaLocations: parseSchemaLocations(value.schemaLocations, problems),
    source,
    ...(drift ? { drift } : {}),
  };
  if (problems.length > 0) throw new SettingsError(source, problems);
  return settings;
}
