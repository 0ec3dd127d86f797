// The cluster diff step: every environment the change affects that names a
// cluster is dry-run by the injected diffEnvironment (the cluster adapter in
// the app and the CLI) with its objects at head and at base, giving a check
// `kubegate/diff (ENV)` and comment sections, in the config's order. Objects
// with schema errors are not sent (the server would refuse them too). The
// environment's sync settings go along, so objects removed from Git that the
// sync will prune show as deletions.
import type { RepoConfig } from '../config/types.js';
import type { CheckResult, ManifestObject } from '../core/types.js';
import { identityKey, skippedDiffCheck } from '../diff/index.js';
import type { DiffEnvironment, EnvironmentDiffResult } from '../diff/types.js';
import { renderNoClusterNote, renderNotSentNote } from '../report/render-diff-notes.js';
import { resolveSyncConfig } from '../sync/resolve-sync-config.js';
import { VALIDATE_CHECK } from './check-names.js';
import type { BaseLoader } from './load-base.js';
import type { LoadedEnvironment } from './load-environment.js';
import type { PullRequestOrigin } from './types.js';

export interface DiffEnvironmentsInput {
  /** The config of the default branch: its sync settings say whether removed objects are pruned. */
  config: Pick<RepoConfig, 'sync'>;
  /** The environments at head, in the config's order (the validate step's objects). */
  head: readonly LoadedEnvironment[];
  /** Objects with schema errors, from the validate step. */
  invalid: ReadonlySet<ManifestObject>;
  base: BaseLoader;
  pullRequest: PullRequestOrigin;
  diffEnvironment: DiffEnvironment | undefined;
}

export interface DiffedEnvironments {
  checks: CheckResult[];
  sections: string[];
}

interface Affected {
  head: LoadedEnvironment;
  base: LoadedEnvironment | undefined;
}

function touches(env: LoadedEnvironment | undefined): boolean {
  return env !== undefined && (env.target.files.length > 0 || env.target.overlays.length > 0);
}

async function affectedWithCluster(input: DiffEnvironmentsInput): Promise<Affected[]> {
  const withCluster = input.head.filter((e) => e.target.env.cluster !== undefined);
  if (withCluster.length === 0) return [];
  const base = await input.base.load();
  return withCluster
    .map((head) => ({ head, base: base.find((b) => b.target.env.name === head.target.env.name) }))
    .filter((e) => touches(e.head) || touches(e.base));
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function diffOne(env: Affected, input: DiffEnvironmentsInput, diffEnvironment: DiffEnvironment): Promise<EnvironmentDiffResult> {
  const { name, cluster, namespace } = env.head.target.env;
  const skipped = env.head.objects.filter((o) => input.invalid.has(o));
  const skippedKeys = new Set(skipped.map((o) => identityKey(o, namespace)));
  let result: EnvironmentDiffResult;
  try {
    result = await diffEnvironment({
      environment: name,
      ...(cluster ? { cluster } : {}),
      ...(namespace ? { namespace } : {}),
      head: env.head.objects.filter((o) => !input.invalid.has(o)),
      // An object left out at head must not look removed from Git.
      base: (env.base?.objects ?? []).filter((o) => !skippedKeys.has(identityKey(o, namespace))),
      repository: input.pullRequest.repository,
      fromFork: input.pullRequest.fromFork,
      sync: resolveSyncConfig(input.config, env.head.target.env),
    });
  } catch (err: unknown) {
    return { check: skippedDiffCheck(name, `The cluster dry-run failed: ${errorMessage(err)}`, 'failure'), sections: [] };
  }
  const [heading, ...rest] = result.sections;
  const check: CheckResult = { ...result.check, inCommentSections: heading !== undefined };
  if (skipped.length === 0 || heading === undefined) return { check, sections: result.sections };
  const note = renderNotSentNote(skipped, namespace, VALIDATE_CHECK);
  return { check: { ...check, summary: `${check.summary}\n\n${note}` }, sections: [heading, note, ...rest] };
}

export async function diffEnvironments(input: DiffEnvironmentsInput): Promise<DiffedEnvironments> {
  const affected = await affectedWithCluster(input);
  if (affected.length === 0) return { checks: [], sections: [] };
  const { diffEnvironment } = input;
  if (!diffEnvironment) return { checks: [], sections: [renderNoClusterNote(affected.map((e) => e.head.target.env))] };
  const results: EnvironmentDiffResult[] = [];
  for (const env of affected) results.push(await diffOne(env, input, diffEnvironment));
  return { checks: results.map((r) => r.check), sections: results.flatMap((r) => r.sections) };
}
