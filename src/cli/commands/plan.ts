// `kubegate plan`: the pull-request pipeline on a local git repository, printing
// the sticky comment exactly as the app would post it and each check run; with
// --kubeconfig (or app settings) also the cluster diff of each environment.
import { basename } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../../config/default-repo-config.js';
import { loadRepoConfigFromSnapshot } from '../../config/load-repo-config-from-snapshot.js';
import type { CheckResult, Report, Snapshot } from '../../core/types.js';
import type { DiffEnvironment } from '../../diff/types.js';
import { defaultPipelineDeps } from '../../pipeline/default-pipeline-deps.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import type { PipelineInput } from '../../pipeline/types.js';
import { renderComment } from '../../report/render-comment.js';
import { findMergeBase, type MergeBaseRequest } from '../../snapshot/find-merge-base.js';
import { readGitSnapshot, type ReadGitSnapshotOptions } from '../../snapshot/read-git-snapshot.js';
import type { CliIo } from '../io.js';
import { parseRepoCommandFlags } from '../repo-command-flags.js';
import { loadDiffEnvironment, planSettings, type CreateDiffEnvironment } from './plan-diff-environment.js';

export const PLAN_USAGE = `Usage: kubegate plan --base REF [--head REF] [--repo DIR] [--kubeconfig FILE [--context NAME]] [--output markdown|json]

Runs the pull-request pipeline on a local git repository: the files that differ
between HEAD and its merge base with BASE (git merge-base, as a pull request's
"Files changed") are validated (Kustomize overlays that include them are
rendered) and checked against the policies (kubegate/policy), with the config
${DEFAULT_CONFIG_FILE} and the repository's own policies read from BASE, as the
app reads them from the default branch. With --kubeconfig, or app settings in
KUBEGATE_SETTINGS / KUBEGATE_SETTINGS_JSON, each affected environment that
names a cluster is also dry-run against it (kubegate/diff (ENV)).

Options:
  --base REF       the pull request's base branch (e.g. origin/main) (required)
  --head REF       the pull request's head                           (default HEAD)
  --repo DIR       the git repository                                (default: current directory)
  --kubeconfig FILE  the cluster of every environment's cluster name  (default: none, or the app settings)
  --context NAME   the kubeconfig's context                          (default: its current-context)
  --output FORMAT  markdown: the comment, then each check run;
                   json: the same as one JSON document              (default markdown)
  -h, --help       show this help

Exit status: 0 all checks passed, 1 a check failed, 2 usage or operational error.
`;

export interface PlanDeps {
  readSnapshot: (options: ReadGitSnapshotOptions) => Promise<Snapshot>;
  /** The pipeline, with the cluster dry-run when a cluster is configured. */
  runPipeline: (input: PipelineInput, diffEnvironment?: DiffEnvironment) => Promise<Report>;
  createDiffEnvironment?: CreateDiffEnvironment;
  /** `git merge-base`; undefined when the two share no commit. */
  findMergeBase?: (request: MergeBaseRequest) => Promise<string | undefined>;
}

const DEFAULT_DEPS: PlanDeps = {
  readSnapshot: readGitSnapshot,
  runPipeline: (input, diffEnvironment) => runPipeline(input, { ...defaultPipelineDeps(), ...(diffEnvironment ? { diffEnvironment } : {}) }),
  createDiffEnvironment: loadDiffEnvironment,
};

function parseFlags(args: string[], cwd: string) {
  return parseRepoCommandFlags(args, cwd, PLAN_USAGE, { base: { required: 'REF' }, head: { default: 'HEAD' } });
}

function annotationLines(check: CheckResult): string[] {
  return check.findings.map((f) => `${f.file}:${f.line}: ${f.level}: ${f.message}`);
}

function markdownOutput(report: Report, comment: string[]): string {
  const checks = report.checks.flatMap((c) => [`== check ${c.name}: ${c.conclusion} — ${c.title}`, ...annotationLines(c)]);
  return `${comment.join('\n')}\n${checks.join('\n')}\n`;
}

function jsonOutput(report: Report, comment: string[]): string {
  const checks = report.checks.map((c) => ({
    name: c.name,
    conclusion: c.conclusion,
    title: c.title,
    summary: c.summary,
    ...(c.text !== undefined ? { text: c.text } : {}),
    annotations: c.findings.map((f) => ({ path: f.file, line: f.line, level: f.level, message: f.message })),
  }));
  return `${JSON.stringify({ baseSha: report.baseSha, headSha: report.headSha, comment, checks }, null, 2)}\n`;
}

/** The snapshot HEAD's changes are measured from: the merge base, or BASE itself when there is none (with a warning). */
async function mergeBaseSnapshot(tip: Snapshot, head: Snapshot, repoDir: string, deps: PlanDeps, io: CliIo): Promise<Snapshot> {
  const sha = await (deps.findMergeBase ?? findMergeBase)({ repoDir, base: tip.sha, head: head.sha });
  if (sha === undefined) {
    io.stderr(`kubegate plan: ${tip.sha.slice(0, 7)} and ${head.sha.slice(0, 7)} have no common commit; comparing HEAD with BASE itself\n`);
    return tip;
  }
  return sha === tip.sha ? tip : deps.readSnapshot({ repoDir, ref: sha });
}

export async function run(args: string[], io: CliIo, deps: PlanDeps = DEFAULT_DEPS): Promise<number> {
  const flags = parseFlags(args, io.cwd);
  if (flags === 'help') {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  const tip = await deps.readSnapshot({ repoDir: flags.repo, ref: flags.base });
  const head = await deps.readSnapshot({ repoDir: flags.repo, ref: flags.head });
  const base = await mergeBaseSnapshot(tip, head, flags.repo, deps, io);
  const config = loadRepoConfigFromSnapshot(tip);
  const settings = planSettings(flags, config, io);
  const createDiffEnvironment = deps.createDiffEnvironment ?? loadDiffEnvironment;
  const diffEnvironment = settings ? await createDiffEnvironment(settings) : undefined;
  const pullRequest = { repository: `local/${basename(flags.repo)}`, fromFork: false };
  const report = await deps.runPipeline({ base, head, config, policySource: tip, pullRequest }, diffEnvironment);
  const comment = renderComment(report);
  io.stdout(flags.output === 'json' ? jsonOutput(report, comment) : markdownOutput(report, comment));
  return report.checks.some((c) => c.conclusion === 'failure') ? 1 : 0;
}
