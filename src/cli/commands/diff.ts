// `kubegate diff`: what applying manifests would change in a cluster, printed
// like `kubectl diff --server-side` (Secrets masked). Exit status like
// kubectl diff: 0 no differences, 1 differences, 2 an error.
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
// Modules, not the packages' index files: the index files pull in what this
// command does not use (ajv for the repo config, the pipeline's diff wiring),
// and every module loaded delays the start of a command that should be quick.
import { createClusterClient, type ClusterClient, type ClusterClientOptions } from '../../cluster/cluster-client.js';
import { dryRunEnvironment, MAX_DRY_RUN_CONCURRENCY } from '../../cluster/dry-run-environment.js';
import { DEFAULT_CONFIG_FILE } from '../../config/default-repo-config.js';
import type { EnvironmentConfig, RepoConfig } from '../../config/types.js';
import type { LoadError } from '../../core/types.js';
import { buildEnvironmentDiff } from '../../diff/build-environment-diff.js';
import { objectLabel } from '../../diff/object-names.js';
import { hasDifferences, renderUnifiedDiff } from '../../diff/render-unified-diff.js';
import type { EnvironmentDiff, EnvironmentDryRun } from '../../diff/types.js';
import { clusterConnection } from '../../settings/cluster-connection.js';
import { loadAppSettings, SETTINGS_FILE_ENV, SETTINGS_JSON_ENV } from '../../settings/load-app-settings.js';
import { type CliIo, UsageError } from '../io.js';
import { loadEnvironmentPaths, loadPaths, type InputDeps, type LoadedInputs } from './diff-inputs.js';
import { readRemovedMembers, type RemovedMembers } from './diff-removed-members.js';

export const DIFF_USAGE = `Usage: kubegate diff [--env NAME] [--kubeconfig FILE] [--context NAME] [--namespace NS] [--concurrency N] [-R] [PATH...]

Shows what applying the manifests would change in the cluster: each object is
server-side applied with dryRun=All (field manager "kubegate", forced, as the
sync does) and compared with the live object, like
\`kubectl diff --server-side --field-manager=kubegate --force-conflicts\`.
Secret values are masked. PATH: files, directories (their *.yaml, *.yml,
*.json) or - for stdin.

Options:
  --env NAME         read the environment NAME of ${DEFAULT_CONFIG_FILE} (in the current
                     directory): its paths (when no PATH is given), namespace and cluster;
                     without PATH, in sync.mode apply, the members of its ApplySet that
                     the files no longer have are shown too (deleted with sync.prune)
  --kubeconfig FILE  kubeconfig (default: the app settings' cluster of --env, else
                     $KUBECONFIG's files merged as kubectl does, else ~/.kube/config)
  --context NAME     kubeconfig context (default: its current-context)
  --namespace NS     namespace for namespaced objects that name none
  --concurrency N    objects dry-run at once, 1-64 (default: 8 for an API server on
                     this machine, 16 for a remote one)
  -R, --recursive    read directories recursively
  -h, --help         show this help

Exit status: 0 no differences, 1 differences, 2 an error (bad input, dry-run
refused by the server, cluster unreachable).
`;

interface DiffFlags {
  env?: string;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  concurrency?: number;
  recursive: boolean;
  paths: string[];
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_DRY_RUN_CONCURRENCY) {
    throw new UsageError(`--concurrency: expected a whole number from 1 to ${MAX_DRY_RUN_CONCURRENCY}, got "${value}"`);
  }
  return n;
}

function parseFlags(args: string[]): DiffFlags | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        env: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        namespace: { type: 'string', short: 'n' },
        concurrency: { type: 'string' },
        recursive: { type: 'boolean', short: 'R', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err: unknown) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n\n${DIFF_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (!values.env && positionals.length === 0) throw new UsageError(`give PATHs to diff, or --env NAME\n\n${DIFF_USAGE}`);
  return {
    ...(values.env ? { env: values.env } : {}),
    ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
    ...(values.context ? { context: values.context } : {}),
    ...(values.namespace ? { namespace: values.namespace } : {}),
    ...(values.concurrency === undefined ? {} : { concurrency: parseConcurrency(values.concurrency) }),
    recursive: values.recursive ?? false,
    paths: positionals,
  };
}

interface SelectedEnvironment {
  env: EnvironmentConfig;
  config: RepoConfig;
}

async function readEnvironment(name: string, cwd: string): Promise<SelectedEnvironment> {
  let text: string | undefined;
  try {
    text = readFileSync(join(cwd, DEFAULT_CONFIG_FILE), 'utf8');
  } catch {
    throw new UsageError(`--env ${name}: ${DEFAULT_CONFIG_FILE} was not found in ${cwd}`);
  }
  // Loaded only here: its schema validator (ajv) takes a while to import.
  const { loadRepoConfig } = await import('../../config/load-repo-config.js');
  const loaded = loadRepoConfig(text);
  if (!loaded.ok) {
    const problems = loaded.problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`);
    throw new UsageError(`${DEFAULT_CONFIG_FILE} is not valid:\n${problems.join('\n')}`);
  }
  const env = loaded.config.environments.find((e) => e.name === name);
  if (!env) throw new UsageError(`--env ${name}: no such environment in ${DEFAULT_CONFIG_FILE} (it has: ${loaded.config.environments.map((e) => e.name).join(', ')})`);
  return { env, config: loaded.config };
}

type Connection = Pick<ClusterClientOptions, 'kubeconfigPath' | 'kubeconfigPaths' | 'context' | 'inCluster'> & { label?: string };

/** Flags first, then the app settings' cluster of the environment, then KUBECONFIG (all its files, merged) / ~/.kube/config. */
function connection(flags: DiffFlags, env: EnvironmentConfig | undefined, io: CliIo): Connection {
  const context = flags.context ? { context: flags.context } : {};
  if (flags.kubeconfig) return { kubeconfigPath: flags.kubeconfig, ...context };
  const hasSettings = Boolean(io.env[SETTINGS_FILE_ENV] || io.env[SETTINGS_JSON_ENV]);
  if (env?.cluster && hasSettings) {
    const configured = loadAppSettings({ env: io.env, cwd: io.cwd }).clusters.get(env.cluster);
    if (configured) return { ...clusterConnection(configured), ...context, label: configured.name };
  }
  const fromEnv = (io.env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
  if (fromEnv.length > 0) return { kubeconfigPaths: fromEnv, ...context };
  return { kubeconfigPath: join(homedir(), '.kube', 'config'), ...context };
}

function printLoadErrors(errors: readonly LoadError[], io: CliIo): void {
  for (const e of errors) io.stderr(`error: ${e.file}:${e.line}: ${e.message}\n`);
}

function printProblems(diff: EnvironmentDiff, io: CliIo): boolean {
  if (diff.unreachable) {
    io.stderr(`error: ${diff.unreachable.message}\n`);
    return true;
  }
  let failed = false;
  for (const o of diff.objects) {
    if (o.error) {
      failed = true;
      io.stderr(`Error from server${o.error.reason ? ` (${o.error.reason})` : ''}: ${o.source.file}:${o.errorField?.line ?? o.source.line}: ${objectLabel(o.ref)}: ${o.error.message}\n`);
    } else if (o.note) {
      io.stderr(`note: ${objectLabel(o.ref)}: ${o.note}\n`);
    }
  }
  return failed;
}

async function loadInputs(flags: DiffFlags, env: EnvironmentConfig | undefined, deps: InputDeps): Promise<LoadedInputs> {
  if (flags.paths.length > 0 || !env) return loadPaths(flags.paths, flags.recursive, deps);
  return loadEnvironmentPaths(env, deps);
}

export interface DiffCommandDeps {
  createClient: (options: ClusterClientOptions) => ClusterClient;
}

const DEFAULT_DEPS: DiffCommandDeps = { createClient: (options) => createClusterClient(options) };

/**
 * With --env and no PATH the whole environment is diffed, so the ApplySet
 * members it no longer has are known (apply mode); otherwise removed objects
 * are unknown here.
 */
async function removedFromGit(flags: DiffFlags, selected: SelectedEnvironment | undefined, client: ClusterClient, dryRun: EnvironmentDryRun): Promise<RemovedMembers | undefined> {
  if (!selected || flags.paths.length > 0 || dryRun.unreachable) return undefined;
  return readRemovedMembers(client, selected.env, selected.config, dryRun.applied);
}

export async function run(args: string[], io: CliIo, deps: DiffCommandDeps = DEFAULT_DEPS): Promise<number> {
  const flags = parseFlags(args);
  if (flags === 'help') {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  const selected = flags.env ? await readEnvironment(flags.env, io.cwd) : undefined;
  const env = selected?.env;
  const inputs = await loadInputs(flags, env, { cwd: io.cwd, readStdin: io.readStdin });
  if (inputs.errors.length > 0) {
    printLoadErrors(inputs.errors, io);
    return 2;
  }
  const { label, ...target } = connection(flags, env, io);
  // The client keeps the context's namespace: the ApplySet's parent lives there when the environment names none.
  const client = deps.createClient(target);
  const dryRun = await dryRunEnvironment({
    client,
    environment: env?.name ?? 'cli',
    cluster: label ?? target.context ?? client.server,
    objects: inputs.objects,
    defaultNamespace: flags.namespace ?? env?.namespace ?? client.defaultNamespace,
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
  });
  const members = await removedFromGit(flags, selected, client, dryRun);
  const diff = buildEnvironmentDiff({ ...dryRun, removed: members?.removed ?? [] }, members ? { removal: members.removal } : {});
  io.stdout(renderUnifiedDiff(diff));
  if (printProblems(diff, io)) return 2;
  return hasDifferences(diff) ? 1 : 0;
}
