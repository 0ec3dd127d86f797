// The `kubegate/validate` check's summary: counts by status, then one line
// per environment saying what was checked.
import type { ValidationConfig } from '../config/types.js';
import { codeSpan, inlineText, plural } from './markdown-text.js';

/** Keeps the summary far below GitHub's 65,535-character limit. */
const MAX_ENVIRONMENT_LINES = 200;

export type StatusCounts = Record<'valid' | 'invalid' | 'error' | 'skipped', number>;

export interface EnvironmentSummary {
  name: string;
  render: 'plain' | 'kustomize';
  cluster?: string;
  /** Plain: the changed files checked. */
  files: number;
  /** Kustomize: the overlays rendered because the change touches them. */
  overlays: string[];
  counts: StatusCounts;
}

export interface ValidateSummaryInput {
  environments: EnvironmentSummary[];
  validation: ValidationConfig;
  /** Files deleted by the change (not validated). */
  deletedFiles: number;
  configSource: 'file' | 'default';
}

export function emptyCounts(): StatusCounts {
  return { valid: 0, invalid: 0, error: 0, skipped: 0 };
}

export function totalCounts(envs: readonly EnvironmentSummary[]): StatusCounts {
  const t = emptyCounts();
  for (const e of envs) for (const k of Object.keys(t) as (keyof StatusCounts)[]) t[k] += e.counts[k];
  return t;
}

function statusText(c: StatusCounts, k: keyof StatusCounts): string {
  return k === 'error' ? plural(c.error, 'error') : `${c[k]} ${k}`;
}

function countsText(c: StatusCounts): string {
  const total = c.valid + c.invalid + c.error + c.skipped;
  const parts = (['valid', 'invalid', 'error', 'skipped'] as const).filter((k) => c[k] > 0).map((k) => statusText(c, k));
  return `${plural(total, 'resource')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function environmentLine(e: EnvironmentSummary): string {
  const where = `${e.render}${e.cluster ? `, cluster ${codeSpan(e.cluster)}` : ''}`;
  const head = `- **${inlineText(e.name)}** (${where}): `;
  if (e.render === 'kustomize') {
    if (e.overlays.length === 0) return `${head}no overlay affected by this change`;
    return `${head}rendered ${e.overlays.map(codeSpan).join(', ')}, ${countsText(e.counts)}`;
  }
  if (e.files === 0) return `${head}no manifest changed`;
  return `${head}${plural(e.files, 'changed file')}, ${countsText(e.counts)}`;
}

export function validateTitle(counts: StatusCounts, checkedSomething: boolean): string {
  if (!checkedSomething) return 'No Kubernetes manifests changed';
  const total = counts.valid + counts.invalid + counts.error + counts.skipped;
  const bad = (['invalid', 'error'] as const).filter((k) => counts[k] > 0).map((k) => statusText(counts, k));
  if (bad.length > 0) return `${bad.join(', ')} of ${plural(total, 'resource')}`;
  return counts.skipped > 0 ? `${counts.valid} valid, ${counts.skipped} skipped` : `${plural(total, 'resource')} valid`;
}

export function renderValidateSummary(input: ValidateSummaryInput): string {
  const c = totalCounts(input.environments);
  const v = input.validation;
  const lines = [
    '| valid | invalid | error | skipped |',
    '| ---: | ---: | ---: | ---: |',
    `| ${c.valid} | ${c.invalid} | ${c.error} | ${c.skipped} |`,
    '',
    ...input.environments.slice(0, MAX_ENVIRONMENT_LINES).map(environmentLine),
    ...(input.environments.length > MAX_ENVIRONMENT_LINES ? [`- …and ${input.environments.length - MAX_ENVIRONMENT_LINES} more environments`] : []),
    '',
    `Schemas: Kubernetes ${codeSpan(v.kubernetesVersion)}, ${v.strict ? 'strict (unknown fields are errors)' : 'not strict'}${
      v.ignoreMissingSchemas ? ', objects without a schema skipped' : ''
    }.`,
  ];
  if (input.deletedFiles > 0) lines.push(`${plural(input.deletedFiles, 'file')} deleted by this change (not validated).`);
  if (input.configSource === 'default') {
    lines.push('No `.github/kubegate.yml` on the default branch: every changed YAML/JSON file with `apiVersion` and `kind` was validated.');
  }
  return lines.join('\n');
}
