// `kubegate drift --env NAME`: the drift report of one environment, once: the
// objects of REF (the deployed revision) against the cluster the environment
// names, on the fields kubegate applies. Exit 0 in sync, 1 drifted, 2 error.
import { checkEnvironmentDrift } from '../../drift/check-environment-drift.js';
import { loadDesired } from '../../drift/load-desired.js';
import { renderDriftMarkdown } from '../../drift/render-drift-markdown.js';
import { clusterConnection } from '../../settings/index.js';
import type { CliIo } from '../io.js';
import { parseRepoCommandFlags } from '../repo-command-flags.js';
import { environmentCluster, readEnvironmentAtRef } from './environment-at-ref.js';

export const DRIFT_USAGE = `Usage: kubegate drift --env NAME [--kubeconfig FILE [--context NAME]] [--repo DIR] [--ref REF] [--output markdown|json]

Compares the environment's objects at REF (the deployed revision) with the
cluster, on the fields kubegate applies, and prints each drifted object with
the changed fields, the value in Git and the live one, and who changed it when.

Options:
  --env NAME       the environment of .github/kubegate.yml              (required)
  --kubeconfig FILE  the environment's cluster      (default: the app settings, KUBEGATE_SETTINGS)
  --context NAME   the kubeconfig's context                              (default: its current-context)
  --repo DIR       the git repository                                    (default: current directory)
  --ref REF        the deployed revision                                 (default HEAD)
  --output FORMAT  markdown or json                                      (default markdown)
  -h, --help       show this help

Exit status: 0 in sync, 1 drifted, 2 usage or operational error.
`;

function parseFlags(args: string[], cwd: string) {
  return parseRepoCommandFlags(args, cwd, DRIFT_USAGE, { env: { required: 'NAME' }, ref: { default: 'HEAD' } });
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, io.cwd);
  if (flags === 'help') {
    io.stdout(DRIFT_USAGE);
    return 0;
  }
  const target = await readEnvironmentAtRef(flags);
  const { snapshot, env } = target;
  const { cluster } = environmentCluster(flags, target, io, 'compare with');
  const desired = await loadDesired(snapshot, target.config, flags.env);
  const { createClusterClient } = await import('../../cluster/index.js');
  const client = createClusterClient(clusterConnection(cluster));
  const report = await checkEnvironmentDrift({ client, environment: flags.env, revision: snapshot.sha, desired, ...(env.namespace ? { namespace: env.namespace } : {}) });
  io.stdout(flags.output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : `${renderDriftMarkdown(report)}\n`);
  return report.drifted.length > 0 ? 1 : 0;
}
