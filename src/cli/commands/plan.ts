// `kubegate plan`: the pull-request pipeline on a local git repository, printing
// the sticky comment exactly as the app would post it and each check run.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG_FILE } from '../../config/default-repo-config.js';
import { loadRepoConfigFromSnapshot } from '../../config/load-repo-config-from-snapshot.js';
import type { CheckResult, Report, Snapshot } from '../../core/types.js';
import { runPipeline as defaultRunPipeline } from '../../pipeline/run-pipeline.js';
import type { RunPipeline } from '../../pipeline/types.js';
import { renderComment } from '../../report/render-comment.js';
import { readGitSnapshot, type ReadGitSnapshotOptions } from '../../snapshot/read-git-snapshot.js';
import { type CliIo, UsageError } from '../io.js';

export const PLAN_USAGE = `Usage: kubegate plan --base REF [--head REF] [--repo DIR] [--output markdown|json]

Runs the pull-request pipeline on a local git repository: the files that differ
between BASE and HEAD are validated (Kustomize overlays that include them are
rendered) and checked against the policies (kubegate/policy), with the config
${DEFAULT_CONFIG_FILE} and the repository's own policies read from BASE, as the
app reads them from the default branch.

Options:
  --base REF       the pull request's base (e.g. origin/main)       (required)
  --head REF       the pull request's head                           (default HEAD)
  --repo DIR       the git repository                                (default: current directory)
  --output FORMAT  markdown: the comment, then each check run;
                   json: the same as one JSON document              (default markdown)
  -h, --help       show this help

Exit status: 0 all checks passed, 1 a check failed, 2 usage or operational error.
`;

export interface PlanDeps {
  readSnapshot: (options: ReadGitSnapshotOptions) => Promise<Snapshot>;
  runPipeline: RunPipeline;
}

interface PlanFlags {
  base: string;
  head: string;
  repo: string;
  output: 'markdown' | 'json';
}

function parseFlags(args: string[], cwd: string): PlanFlags | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string', default: 'HEAD' },
        repo: { type: 'string' },
        output: { type: 'string', default: 'markdown' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err: unknown) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n\n${PLAN_USAGE}`);
  }
  if (values.help) return 'help';
  if (!values.base) throw new UsageError(`--base REF is required\n\n${PLAN_USAGE}`);
  if (values.output !== 'markdown' && values.output !== 'json') {
    throw new UsageError(`--output must be "markdown" or "json", not "${values.output}"`);
  }
  return { base: values.base, head: values.head, repo: resolve(cwd, values.repo ?? '.'), output: values.output };
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

export async function run(args: string[], io: CliIo, deps: PlanDeps = { readSnapshot: readGitSnapshot, runPipeline: defaultRunPipeline }): Promise<number> {
  const flags = parseFlags(args, io.cwd);
  if (flags === 'help') {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  const base = await deps.readSnapshot({ repoDir: flags.repo, ref: flags.base });
  const head = await deps.readSnapshot({ repoDir: flags.repo, ref: flags.head });
  const report = await deps.runPipeline({ base, head, config: loadRepoConfigFromSnapshot(base) });
  const comment = renderComment(report);
  io.stdout(flags.output === 'json' ? jsonOutput(report, comment) : markdownOutput(report, comment));
  return report.checks.some((c) => c.conclusion === 'failure') ? 1 : 0;
}
