// Splits markdown into pieces of at most `max` characters at block
// boundaries: never inside a fenced code block or a <details> block. A block
// larger than `max` is itself split and re-opened (fence or <details> closed
// at the end of one piece and opened again in the next), and a single line
// longer than `max` is cut with a visible note, never silently.

type Block = { kind: 'fence' | 'details' | 'text'; lines: string[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function fenceEnd(lines: string[], start: number, marker: string): number {
  for (let i = start + 1; i < lines.length; i++) {
    const m = FENCE.exec(lines[i] ?? '');
    if (m?.[1] && m[1][0] === marker[0] && m[1].length >= marker.length && (lines[i] ?? '').trim() === m[1]) return i;
  }
  return lines.length - 1;
}

function detailsEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    depth += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (depth <= 0) return i;
  }
  return lines.length - 1;
}

function toBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) blocks.push({ kind: 'text', lines: text });
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line)?.[1];
    const end = fence ? fenceEnd(lines, i, fence) : /^\s*<details[\s>]/.test(line) ? detailsEnd(lines, i) : undefined;
    if (end === undefined) {
      text.push(line);
      if (line.trim() === '') flush();
      continue;
    }
    flush();
    blocks.push({ kind: fence ? 'fence' : 'details', lines: lines.slice(i, end + 1) });
    i = end;
  }
  flush();
  return blocks;
}

function cutLine(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const note = (n: number): string => ` … [line cut here: ${n} more characters not shown]`;
  const keep = Math.max(0, max - note(line.length).length);
  return [line.slice(0, keep) + note(line.length - keep)];
}

/** Greedy packing of lines into pieces of at most `max` characters (joined by "\n"). */
function packLines(lines: string[], max: number): string[] {
  const pieces: string[] = [];
  let current: string | undefined;
  for (const raw of lines) {
    for (const line of cutLine(raw, max)) {
      if (current !== undefined && current.length + 1 + line.length <= max) current += `\n${line}`;
      else {
        if (current !== undefined) pieces.push(current);
        current = line;
      }
    }
  }
  if (current !== undefined) pieces.push(current);
  return pieces;
}

function splitFence(lines: string[], max: number): string[] {
  const open = lines[0] ?? '```';
  const close = lines.length > 1 ? (lines[lines.length - 1] ?? '```') : '```';
  const body = lines.slice(1, -1);
  const room = max - open.length - close.length - 2;
  return packLines(body, room).map((piece) => `${open}\n${piece}\n${close}`);
}

function splitDetails(lines: string[], max: number): string[] {
  const summaryAt = lines.findIndex((l) => l.includes('</summary>'));
  const headEnd = summaryAt >= 0 ? summaryAt : 0;
  const head = lines.slice(0, headEnd + 1).join('\n');
  const close = lines[lines.length - 1] ?? '</details>';
  // Markdown inside <details> needs a blank line after the summary, in every piece.
  const inner = lines.slice(headEnd + 1, -1).join('\n').replace(/^\n+/, '');
  const continued = head.replace('</summary>', ' (continued)</summary>');
  const room = max - continued.length - close.length - 3;
  return splitMarkdown(inner, room).map((piece, i) => `${i === 0 ? head : continued}\n\n${piece}\n${close}`);
}

function splitBlock(block: Block, max: number): string[] {
  if (block.kind === 'fence') return splitFence(block.lines, max);
  if (block.kind === 'details') return splitDetails(block.lines, max);
  return packLines(block.lines, max);
}

export function splitMarkdown(markdown: string, max: number): string[] {
  if (markdown.length <= max) return [markdown];
  const pieces: string[] = [];
  let current = '';
  const push = (text: string): void => {
    if (current.length + 1 + text.length <= max || current === '') {
      current = current === '' ? text : `${current}\n${text}`;
      return;
    }
    pieces.push(current);
    current = text;
  };
  for (const block of toBlocks(markdown)) {
    const text = block.lines.join('\n');
    if (text.length <= max) push(text);
    else for (const piece of splitBlock(block, max)) push(piece);
  }
  if (current !== '') pieces.push(current);
  return pieces;
}
