// The `kubegate/validate` check result from the per-environment outcomes.
import type { ValidationConfig } from '../config/types.js';
import type { CheckResult, Finding } from '../core/types.js';
import { renderFindingsMarkdown } from '../report/render-findings-markdown.js';
import { renderValidateSummary, totalCounts, validateTitle } from '../report/render-validate-summary.js';
import { VALIDATE_CHECK } from './check-names.js';
import type { ValidatedEnvironment } from './validate-environment.js';

/** GitHub's limit for a check run's summary and text. */
const CHECK_TEXT_MAX = 65_535;

export interface BuildValidateCheckInput {
  environments: ValidatedEnvironment[];
  validation: ValidationConfig;
  deletedFiles: number;
  configSource: 'file' | 'default';
  /** About the config itself (a schema location the app settings do not allow). */
  configFindings?: readonly Finding[];
}

function findingsText(findings: readonly Finding[]): string | undefined {
  if (findings.length === 0) return undefined;
  for (let listed = Math.min(findings.length, 500); listed > 0; listed = Math.floor(listed / 2)) {
    const text = renderFindingsMarkdown(findings, { foldAbove: Infinity, maxListed: listed });
    if (text.length <= CHECK_TEXT_MAX) return text;
  }
  return `${findings.length} findings: see the annotations.`;
}

export function buildValidateCheck(input: BuildValidateCheckInput): CheckResult {
  const summaries = input.environments.map((e) => e.summary);
  const findings = [...(input.configFindings ?? []), ...input.environments.flatMap((e) => e.findings)];
  const counts = totalCounts(summaries);
  const checked = summaries.some((s) => s.files > 0 || s.overlays.length > 0);
  const text = findingsText(findings);
  return {
    name: VALIDATE_CHECK,
    conclusion: findings.some((f) => f.level === 'failure') ? 'failure' : 'success',
    title: validateTitle(counts, checked),
    summary: renderValidateSummary({
      environments: summaries,
      validation: input.validation,
      deletedFiles: input.deletedFiles,
      configSource: input.configSource,
    }),
    ...(text !== undefined ? { text } : {}),
    findings,
  };
}
