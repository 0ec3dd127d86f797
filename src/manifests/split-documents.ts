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

const Line = { Blank: 0, Comment: 1, Directive: 2, Content: 3 } as const;
type LineKind = (typeof Line)[keyof typeof Line];

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

function classifyLine(text: string, start: number, end: number): LineKind {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i === end) return Line.Blank;
  const code = text.charCodeAt(i);
  if (code === 35) return Line.Comment; // #
  if (code === 37 && i === start) return Line.Directive; // %
  return Line.Content;
}

/** A `---` marker line: three dashes then end of line or whitespace. */
function isSeparator(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  if (text.charCodeAt(start) !== 45 || text.charCodeAt(start + 1) !== 45 || text.charCodeAt(start + 2) !== 45) return false;
  return end - start === 3 || isSpace(text.charCodeAt(start + 3));
}

/** Whether a separator line also carries content (`--- |`, `--- {a: 1}`). */
function separatorHasContent(text: string, start: number, end: number): boolean {
  return classifyLine(text, start + 3, end) === Line.Content;
}

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkFirstLine = 1;
  let contentLine: number | undefined;
  let hasDirective = false;
  let seenSeparator = false;
  let position = 0;
  let line = 1;

  const close = (end: number): void => {
    // Blank or comment-only text before the first `---` is not a document.
    if (end > chunkStart && (seenSeparator || contentLine !== undefined || hasDirective)) {
      chunks.push({ text: text.slice(chunkStart, end), firstLine: chunkFirstLine, contentLine });
    }
  };

  for (;;) {
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    if (isSeparator(text, position, end)) {
      // Directives (%YAML) belong to the document their `---` opens.
      if (!(contentLine === undefined && hasDirective)) {
        close(position);
        chunkStart = position;
        chunkFirstLine = line;
        contentLine = undefined;
        hasDirective = false;
      }
      seenSeparator = true;
      if (contentLine === undefined && separatorHasContent(text, position, end)) contentLine = line;
    } else if (contentLine === undefined) {
      const kind = classifyLine(text, position, end);
      if (kind === Line.Content) contentLine = line;
      else if (kind === Line.Directive) hasDirective = true;
    }
    if (end >= text.length) break;
    position = end + 1;
    line++;
  }
  close(text.length);
  return chunks;
}
