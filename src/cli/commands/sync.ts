// `kubegate sync --env NAME`: the app's sync on merge, from a terminal. The
// environment's objects at REF, rendered with the config at REF, go through
// the same sync executor the app uses (dry-run of everything first, Namespaces
// and CRDs first, server-side apply as field manager kubegate, ApplySet
// membership and prune, the environment's Lease, health wait). Exit 0 synced,
// 1 the sync failed or was refused, 2 usage or configuration error.
import { basename } from 'node:path';
import type { SyncMode } from '../../config/types.js';
import { loadDesired } from '../../drift/load-desired.js';
import { collectSecretValues } from '../../pipeline/mask-secrets.js';
import { createSyncExecutor, type SyncExecutorDeps } from '../../sync/create-sync-executor.js';
import { resolveSyncConfig, type ResolvedSync } from '../../sync/resolve-sync-config.js';
import { type CliIo, UsageError } from '../io.js';
import { parseRepoCommandFlags } from '../repo-command-flags.js';
import { environmentCluster, readEnvironmentAtRef } from './environment-at-ref.js';
import { renderSyncJson, renderSyncText } from './sync-output.js';

export const SYNC_USAGE = `Usage: kubegate sync --env NAME [--kubeconfig FILE [--context NAME]] [--repo DIR] [--ref REF] [--dry-run] [--prune|--no-prune] [--output text|json]

Brings the environment's cluster to REF, as the app does after a merge: every
object of the environment is dry-run first (nothing is applied if one is
refused), Namespaces and CRDs go first, objects are applied server-side as
field manager "kubegate" and labelled as members of the environment's
ApplySet, members no longer in Git are pruned (with prune), the environment's
Lease keeps other syncs out, and rollouts are waited for. Only environments
with sync.mode apply are synced: Argo CD and Flux follow their Git source.
The config (.github/kubegate.yml) is read at REF.

Options:
  --env NAME         the environment of .github/kubegate.yml              (required)
  --kubeconfig FILE  the environment's cluster     (default: the app settings, KUBEGATE_SETTINGS)
  --context NAME     the kubeconfig's context                              (default: its current-context)
  --repo DIR         the git repository                                    (default: current directory)
  --ref REF          the revision to sync                                  (default HEAD)
  --dry-run          preview: server-side dryRun=All for every object and prune; nothing is written
  --prune, --no-prune  delete ApplySet members no longer in Git           (default: the config's sync.prune)
  --output FORMAT    text or json                                          (default text)
  -h, --help         show this help

Exit status: 0 synced (or the dry run passed), 1 the sync failed or was refused, 2 usage or configuration error.
`;

export interface SyncCommandDeps {
  /** The executor's effects (tests shorten the Lease timings). */
  executor?: SyncExecutorDeps;
}

function parseFlags(args: string[], cwd: string) {
  return parseRepoCommandFlags(args, cwd, SYNC_USAGE, { env: { required: 'NAME' }, ref: { default: 'HEAD' } }, { outputs: ['text', 'json'], switches: ['dry-run', 'prune', 'no-prune'] });
}

/** Argo CD and Flux sync what their Git source says, not a local REF; the app only triggers them on merge. */
const NOT_APPLIED: Record<Exclude<SyncMode, 'apply'>, string> = {
  argocd: 'Argo CD applies it from its Git source (the app triggers Argo CD after a merge); kubegate sync applies only sync.mode apply environments',
  flux: 'Flux applies it from its Git source (the app triggers a Flux reconcile after a merge); kubegate sync applies only sync.mode apply environments',
  none: 'kubegate only records its merges; kubegate sync applies only sync.mode apply environments',
};

function applyModeOnly(name: string, sync: ResolvedSync): void {
  if (sync.mode === 'apply') return;
  if (!sync.enabled) throw new UsageError(`environment "${name}" has no sync.mode; kubegate sync applies only environments with sync.mode apply in .github/kubegate.yml`);
  throw new UsageError(`environment "${name}" uses sync.mode ${sync.mode}: ${NOT_APPLIED[sync.mode]}`);
}

/** --prune / --no-prune; undefined: the config's sync.prune. */
function pruneOverride(flags: { prune: boolean; 'no-prune': boolean }): boolean | undefined {
  if (flags.prune && flags['no-prune']) throw new UsageError(`--prune and --no-prune exclude each other\n\n${SYNC_USAGE}`);
  return flags.prune ? true : flags['no-prune'] ? false : undefined;
}

export async function run(args: string[], io: CliIo, deps: SyncCommandDeps = {}): Promise<number> {
  // 1. Flags, the environment at REF, its mode and its cluster.
  const flags = parseFlags(args, io.cwd);
  if (flags === 'help') {
    io.stdout(SYNC_USAGE);
    return 0;
  }
  const prune = pruneOverride(flags);
  const target = await readEnvironmentAtRef(flags);
  const resolved = resolveSyncConfig(target.config, target.env);
  applyModeOnly(target.env.name, resolved);
  const sync = { ...resolved, prune: prune ?? resolved.prune };
  const { settings } = environmentCluster(flags, target, io, 'sync to');
  // 2. Every object of the environment at REF (not only changed ones).
  const objects = await loadDesired(target.snapshot, target.config, target.env.name);
  // 3. The app's sync executor, once.
  const execute = createSyncExecutor(settings, deps.executor);
  const outcome = await execute({ repository: `local/${basename(flags.repo)}`, environment: target.env, sync, sha: target.snapshot.sha, objects, dryRun: flags['dry-run'] });
  if (outcome.status === 'superseded') throw new Error(`the sync was superseded by ${outcome.by}`); // one request per process: cannot happen
  // 4. The result, Secret values masked.
  const context = { sha: target.snapshot.sha, secretValues: [...collectSecretValues(objects)].sort((a, b) => b.length - a.length) };
  io.stdout(flags.output === 'json' ? renderSyncJson(outcome.value, context) : renderSyncText(outcome.value, context));
  return outcome.value.status === 'succeeded' ? 0 : 1;
}
