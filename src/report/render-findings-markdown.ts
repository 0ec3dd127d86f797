// A check's findings grouped by file, each as `path:line`. Long lists fold into
// <details> blocks; past a limit the rest is counted, never dropped silently.
import type { Finding } from '../core/types.js';
import { levelLabel } from './conclusion-label.js';
import { codeSpan, inlineText, plural } from './markdown-text.js';

export interface FindingsMarkdownOptions {
  /** Above this many findings in all, each file's list is folded. */
  foldAbove?: number;
  /** At most this many findings are listed; the rest are counted. */
  maxListed?: number;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  for (const list of groups.values()) list.sort((a, b) => a.line - b.line);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

function findingLine(f: Finding): string {
  return `- ${levelLabel(f.level)} ${codeSpan(`${f.file}:${f.line}`)} ${inlineText(f.message)}`;
}

export function renderFindingsMarkdown(findings: readonly Finding[], options: FindingsMarkdownOptions = {}): string {
  const { foldAbove = 15, maxListed = 300 } = options;
  if (findings.length === 0) return '';
  const listed = findings.slice(0, maxListed);
  const fold = findings.length > foldAbove;
  const blocks: string[] = [];
  for (const [file, list] of groupByFile(listed)) {
    const lines = list.map(findingLine).join('\n');
    blocks.push(
      fold
        ? `<details><summary>${codeSpan(file)}: ${plural(list.length, 'finding')}</summary>\n\n${lines}\n\n</details>`
        : `**${codeSpan(file)}**\n\n${lines}`,
    );
  }
  if (findings.length > listed.length) {
    blocks.push(`_…and ${plural(findings.length - listed.length, 'more finding')}, not listed here: see the check run's annotations._`);
  }
  return blocks.join('\n\n');
}
