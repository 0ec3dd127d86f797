// Cuts text that exceeds a GitHub field limit and says so where it was cut:
// a reader always sees that something is missing, never a silent loss.

/** GitHub's limit for a check run's output.summary and output.text. */
export const CHECK_OUTPUT_MAX_CHARS = 65_535;

export function truncateText(text: string, max: number, field: string): string {
  if (text.length <= max) return text;
  const note = (omitted: number): string =>
    `\n\n---\n**Truncated:** ${omitted} more characters of this ${field} are not shown (GitHub allows ${max}).`;
  let keep = Math.max(0, max - note(text.length).length);
  if (isHighSurrogate(text.charCodeAt(keep - 1))) keep -= 1;
  return text.slice(0, keep) + note(text.length - keep);
}

/** For short fields (titles): cut with an ellipsis. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = max - 1;
  if (isHighSurrogate(text.charCodeAt(keep - 1))) keep -= 1;
  return `${text.slice(0, keep)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
