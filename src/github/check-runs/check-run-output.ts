// A CheckResult's output fields within GitHub's limits; what does not fit is
// cut with a visible note, and annotations left out by the cap are counted.
import type { CheckResult } from '../../core/types.js';
import type { CheckRunOutput } from '../github-port.js';
import { CHECK_OUTPUT_MAX_CHARS, shortenText, truncateText } from '../truncate-text.js';

const TITLE_MAX_CHARS = 1000;

export function checkRunOutput(result: CheckResult, omittedAnnotations: number, maxAnnotations: number): CheckRunOutput {
  const note =
    omittedAnnotations > 0
      ? `\n\n> **Note:** ${omittedAnnotations} more ${omittedAnnotations === 1 ? 'finding is' : 'findings are'} not shown as annotations (at most ${maxAnnotations} per check run); the pull-request comment lists them.`
      : '';
  const output: CheckRunOutput = {
    title: shortenText(result.title, TITLE_MAX_CHARS),
    summary: truncateText(result.summary, CHECK_OUTPUT_MAX_CHARS - note.length, 'summary') + note,
  };
  if (result.text !== undefined && result.text !== '') {
    output.text = truncateText(result.text, CHECK_OUTPUT_MAX_CHARS, 'text');
  }
  return output;
}
