// `kubegate drift --env NAME`: the drift report of one environment, once: the
// objects of the deployed revision against the cluster the environment names,
// on the fields kubegate applies. Exit 0 in sync, 1 drifted, 2 error.
// The deployed revision is what the environment's ApplySet parent records
// (kubegate.dev/revision, written by each successful apply-mode sync), so an
// unsynced merge is not mistaken for drift; --ref chooses another one.
import type { ClusterClient } from '../../cluster/index.js';
import { checkEnvironmentDrift } from '../../drift/check-environment-drift.js';
import { loadDesired } from '../../drift/load-desired.js';
import { renderDriftMarkdown } from '../../drift/render-drift-markdown.js';
import { clusterConnection } from '../../settings/index.js';
import { GitError } from '../../snapshot/run-git.js';
import { applySetParent } from '../../sync/applyset-parent.js';
import { liveRevision } from '../../sync/parent-record.js';
import { type CliIo, UsageError } from '../io.js';
import { parseRepoCommandFlags } from '../repo-command-flags.js';
import { environmentCluster, readEnvironmentAtRef, type EnvironmentAtRef, type EnvironmentFlags } from './environment-at-ref.js';

export const DRIFT_USAGE = `Usage: kubegate drift --env NAME [--kubeconfig FILE [--context NAME]] [--repo DIR] [--ref REF] [--output markdown|json]

Compares the environment's objects at the deployed revision with the cluster,
on the fields kubegate applies, and prints each drifted object with the
changed fields, the value in Git and the live one, and who changed it when.

Options:
  --env NAME       the environment of .github/kubegate.yml              (required)
  --kubeconfig FILE  the environment's cluster      (default: the app settings, KUBEGATE_SETTINGS)
  --context NAME   the kubeconfig's context                              (default: its current-context)
  --repo DIR       the git repository                                    (default: current directory)
  --ref REF        the revision to compare with   (default: the one the environment's ApplySet
                   parent records as deployed; HEAD when it records none)
  --output FORMAT  markdown or json                                      (default markdown)
  -h, --help       show this help

Exit status: 0 in sync, 1 drifted, 2 usage or operational error.
`;

/** Where the compared revision came from. */
export type RevisionSource = 'applyset-parent' | 'ref' | 'head';

function parseFlags(args: string[], cwd: string) {
  return parseRepoCommandFlags(args, cwd, DRIFT_USAGE, { env: { required: 'NAME' }, ref: { default: 'HEAD' } });
}

/** Whether --ref was given (its default, HEAD, is only the fallback here). */
function refGiven(args: readonly string[]): boolean {
  return args.some((a) => a === '--ref' || a.startsWith('--ref='));
}

/** The environment at the revision its ApplySet parent records; HEAD's (with a note) when it records none. */
async function atDeployedRevision(flags: EnvironmentFlags, atHead: EnvironmentAtRef, client: ClusterClient, io: CliIo): Promise<{ target: EnvironmentAtRef; source: RevisionSource }> {
  const parent = applySetParent(flags.env, atHead.env.namespace ?? client.defaultNamespace).ref;
  const where = `Secret ${parent.namespace}/${parent.name}`;
  const revision = liveRevision(await client.find(parent));
  if (revision === undefined) {
    io.stderr(`kubegate drift: the ApplySet parent of ${flags.env} (${where}) records no deployed revision; comparing with HEAD (${atHead.snapshot.sha.slice(0, 12)}); pass --ref to choose\n`);
    return { target: atHead, source: 'head' };
  }
  if (revision === atHead.snapshot.sha) return { target: atHead, source: 'applyset-parent' };
  try {
    return { target: await readEnvironmentAtRef({ ...flags, ref: revision }), source: 'applyset-parent' };
  } catch (err: unknown) {
    if (err instanceof GitError) throw new UsageError(`the deployed revision ${revision.slice(0, 12)} (recorded on ${where}) is not in the repository at ${flags.repo}: fetch it, or pass --ref`);
    throw err;
  }
}

const SOURCE_TEXT: Record<RevisionSource, string> = {
  'applyset-parent': 'the deployed revision, recorded on the ApplySet parent',
  ref: '--ref',
  head: 'HEAD: the ApplySet parent records no deployed revision',
};

export async function run(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, io.cwd);
  if (flags === 'help') {
    io.stdout(DRIFT_USAGE);
    return 0;
  }
  // 1. The environment (and its cluster) as the config at REF (default HEAD) names it.
  const atRef = await readEnvironmentAtRef(flags);
  const { cluster } = environmentCluster(flags, atRef, io, 'compare with');
  const { createClusterClient } = await import('../../cluster/index.js');
  const client = createClusterClient(clusterConnection(cluster));
  // 2. The revision: --ref, else the deployed one.
  const { target, source } = refGiven(args) ? { target: atRef, source: 'ref' as const } : await atDeployedRevision(flags, atRef, client, io);
  const { snapshot, env } = target;
  // 3. Its objects against the cluster.
  const desired = await loadDesired(snapshot, target.config, flags.env);
  const report = await checkEnvironmentDrift({ client, environment: flags.env, revision: snapshot.sha, desired, ...(env.namespace ? { namespace: env.namespace } : {}) });
  if (flags.output === 'json') {
    io.stdout(`${JSON.stringify({ ...report, revisionSource: source }, null, 2)}\n`);
  } else {
    io.stdout(`kubegate drift: environment ${flags.env}, cluster ${cluster.name}, revision ${snapshot.sha.slice(0, 12)} (${SOURCE_TEXT[source]})\n\n${renderDriftMarkdown(report)}\n`);
  }
  return report.drifted.length > 0 ? 1 : 0;
}
