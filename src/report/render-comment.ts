// The sticky pull-request comment: a title, the commit it reflects, a table of
// the checks, each check's summary and findings grouped by file, then the
// report's own sections (the cluster diff of each environment, in the config's
// order; a check they show in full is only in the table). Split into parts
// that each fit one GitHub comment.
import type { CheckResult, Report } from '../core/types.js';
import { conclusionLabel } from './conclusion-label.js';
import { cellText, codeSpan, plural } from './markdown-text.js';
import { renderFindingsMarkdown } from './render-findings-markdown.js';
import { splitMarkdown } from './split-markdown.js';
import { stickyMarker } from './sticky-marker.js';

/** GitHub's limit for one comment body. */
export const COMMENT_MAX_CHARS = 65_536;
/** Room for the marker line and the "continued" footer of each part. */
const PART_OVERHEAD = 200;

function title(checks: readonly CheckResult[]): string {
  const failed = checks.filter((c) => c.conclusion === 'failure').length;
  if (failed > 0) return `### kubegate: ❌ ${plural(failed, 'check')} failed`;
  return `### kubegate: ✅ all checks passed`;
}

function checksTable(checks: readonly CheckResult[]): string {
  const rows = checks.map((c) => `| ${codeSpan(c.name)} | ${conclusionLabel(c.conclusion)} | ${cellText(c.title)} |`);
  return ['| Check | Result | Title |', '| --- | --- | --- |', ...rows].join('\n');
}

function checkSection(check: CheckResult): string {
  const findings = renderFindingsMarkdown(check.findings);
  const parts = [`#### ${codeSpan(check.name)}`, check.summary.trim()];
  if (findings !== '') parts.push(`**Findings** (${check.findings.length}):`, findings);
  return parts.filter((p) => p !== '').join('\n\n');
}

export function renderCommentMarkdown(report: Report): string {
  return [
    title(report.checks),
    `Reflects commit ${report.headSha} (base ${report.baseSha}).`,
    checksTable(report.checks),
    ...report.checks.filter((c) => c.inCommentSections !== true).map(checkSection),
    ...report.commentSections.map((s) => s.trim()).filter((s) => s !== ''),
  ].join('\n\n');
}

/** The sticky comment, split into parts of at most `maxChars` characters, each starting with its marker line. */
export function renderComment(report: Report, maxChars = COMMENT_MAX_CHARS): string[] {
  const pieces = splitMarkdown(renderCommentMarkdown(report), maxChars - PART_OVERHEAD);
  return pieces.map((piece, i) => {
    const footer = i < pieces.length - 1 ? `\n\n_Continued in the next comment (part ${i + 2} of ${pieces.length})._` : '';
    return `${stickyMarker(i + 1, pieces.length)}\n${piece}${footer}\n`;
  });
}
