// Splits a YAML stream into its documents at `---` lines, keeping each
// document's text (so that it can be parsed, and re-parsed with positions,
// on its own) and its line numbers in the file.

export interface DocumentChunk {
  /** The document's text, starting with its `---` line when it has one. */
  text: string;
  /** File line (1-based) of the chunk's first line. */
  firstLine: number;
  /** File line of the first line with content (not blank, comment, `---` or directive). */
  contentLine: number | undefined;
}

/** A `---` marker line: three dashes then end of line or whitespace. */
const SEPARATOR = /^---(?=[ \t\r\n]|$)/gm;

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** First content line of text[start, end), counting from `line`, and whether a directive came before it. */
function scanHeader(text: string, start: number, end: number, line: number): { contentLine: number | undefined; directive: boolean } {
  let directive = false;
  for (let position = start; position < end; line++) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const isSeparator = text.startsWith('---', position) && (lineEnd === position + 3 || /[ \t\r]/.test(text.charAt(position + 3)));
    const rest = (isSeparator ? text.slice(position + 3, lineEnd) : text.slice(position, lineEnd)).trim();
    if (rest !== '' && !rest.startsWith('#')) {
      if (!isSeparator && text.charCodeAt(position) === 37) directive = true; // %
      else return { contentLine: line, directive };
    }
    position = lineEnd + 1;
  }
  return { contentLine: undefined, directive };
}

export function splitDocuments(text: string): DocumentChunk[] {
  const starts = [0];
  for (SEPARATOR.lastIndex = 0; ; ) {
    const match = SEPARATOR.exec(text);
    if (!match) break;
    if (match.index > 0) starts.push(match.index);
    SEPARATOR.lastIndex = match.index + 3;
  }
  const chunks: DocumentChunk[] = [];
  let line = 1;
  let pending: { start: number; firstLine: number } | undefined;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const firstLine = line;
    line += countLines(text, start, end);
    if (end === start) return;
    const from = pending ?? { start, firstLine };
    const header = scanHeader(text, from.start, end, from.firstLine);
    // Directives (%YAML) belong to the document their `---` opens.
    if (header.contentLine === undefined && header.directive && i + 1 < starts.length) {
      pending = from;
      return;
    }
    pending = undefined;
    // Blank or comment-only text before the first `---` is not a document.
    if (start === 0 && i + 1 < starts.length && header.contentLine === undefined && !header.directive && !text.startsWith('---')) return;
    chunks.push({ text: text.slice(from.start, end), firstLine: from.firstLine, contentLine: header.contentLine });
  });
  return chunks;
}
