// The summary of a check that could not run because the repository's config is invalid.
import type { ConfigProblem } from '../config/types.js';
import { codeSpan, inlineText, plural } from './markdown-text.js';

export function renderConfigSummary(problems: readonly ConfigProblem[]): string {
  const file = problems[0]?.file ?? '.github/kubegate.yml';
  const lines = problems.map((p) => {
    const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
    return `- ${codeSpan(where)}${p.path ? ` ${codeSpan(p.path)}` : ''}: ${inlineText(p.message)}`;
  });
  return [
    `The kubegate config ${codeSpan(file)} on the default branch has ${plural(problems.length, 'problem')}, so nothing was validated:`,
    '',
    ...lines,
    '',
    'Fix it on the default branch (kubegate never reads its config from a pull request); see docs/config.md.',
  ].join('\n');
}
