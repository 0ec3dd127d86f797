// Finds the line of a field in block-style YAML by following indentation, so a
// config problem can point at its line. Best effort: flow-style collections
// ({a: 1}, [x]) answer with the line of the nearest enclosing field.

interface YamlLine {
  /** 1-based line number. */
  no: number;
  indent: number;
  /** The line is a sequence item ("- ..."). */
  dash: boolean;
  /** Column where the item's own content starts (indent for non-item lines). */
  contentIndent: number;
  content: string;
}

function toYamlLines(text: string): YamlLine[] {
  const out: YamlLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(trimmed)) return;
    const indent = raw.length - trimmed.length;
    const item = /^-(\s+|$)/.exec(trimmed);
    const dash = item !== null;
    const content = dash ? trimmed.slice(item[0].length) : trimmed;
    out.push({ no: i + 1, indent, dash, contentIndent: dash ? indent + item[0].length : indent, content });
  });
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Range {
  start: number;
  end: number;
}

function findKey(lines: YamlLine[], range: Range, key: string): { index: number; level: number } | undefined {
  const first = lines[range.start];
  if (!first || range.start >= range.end) return undefined;
  const level = first.contentIndent;
  const k = escapeRegExp(key);
  const pattern = new RegExp(`^(?:"${k}"|'${k}'|${k})\\s*:(\\s|$)`);
  for (let i = range.start; i < range.end; i++) {
    const line = lines[i];
    if (line && line.contentIndent === level && (i === range.start || !line.dash) && pattern.test(line.content)) {
      return { index: i, level };
    }
  }
  return undefined;
}

function valueRange(lines: YamlLine[], keyIndex: number, level: number, end: number): Range {
  let j = keyIndex + 1;
  while (j < end) {
    const line = lines[j];
    if (!line || line.indent < level || (line.indent === level && !line.dash)) break;
    j++;
  }
  return { start: keyIndex + 1, end: j };
}

function findItem(lines: YamlLine[], range: Range, n: number): Range | undefined {
  const first = lines[range.start];
  if (!first || !first.dash || range.start >= range.end) return undefined;
  const items: number[] = [];
  for (let i = range.start; i < range.end; i++) {
    const line = lines[i];
    if (line && line.dash && line.indent === first.indent) items.push(i);
  }
  const start = items[n];
  if (start === undefined) return undefined;
  return { start, end: items[n + 1] ?? range.end };
}

/**
 * The 1-based line of the field at `path` (keys and list indexes), or of the
 * deepest part of the path that was found; undefined when not even the first
 * segment was found.
 */
export function locateYamlLine(text: string, path: ReadonlyArray<string | number>): number | undefined {
  const lines = toYamlLines(text);
  let range: Range = { start: 0, end: lines.length };
  let found: number | undefined;
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) {
      const item = findItem(lines, range, Number(segment));
      if (!item) return found;
      found = lines[item.start]?.no;
      range = item;
      continue;
    }
    const key = findKey(lines, range, segment);
    if (!key) return found;
    found = lines[key.index]?.no;
    range = valueRange(lines, key.index, key.level, range.end);
  }
  return found;
}
