// go-yaml v2's scalar writers, with its folding of long plain and quoted
// strings at 80 columns, so kubegate's YAML reads line for line like kubectl's.
import { chooseScalarStyle, isBreak, isPrintable, type ScalarStyle } from './analyze-scalar.js';

const BEST_WIDTH = 80;

/** Where the scalar starts (its column) and where continuation lines go (indent). */
export interface ScalarPlace {
  column: number;
  indent: number;
  /** A mapping key: never folded. */
  simpleKey?: boolean;
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escapeChar(c: string): string {
  const named = ESCAPES[c];
  if (named !== undefined) return `\\${named}`;
  const p = c.codePointAt(0) ?? 0;
  const hex = p.toString(16).toUpperCase();
  if (p <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (p <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function needsEscape(c: string): boolean {
  return !isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\';
}

/** Plain and single-quoted text: a single space may become a line break past column 80. */
function writeFolded(chars: readonly string[], place: ScalarPlace, quote: "'" | ''): string {
  let out = quote;
  let column = place.column + quote.length;
  let spaces = false;
  const allowBreaks = !place.simpleKey;
  chars.forEach((c, i) => {
    if (c === ' ') {
      const inner = quote === '' || (i > 0 && i < chars.length - 1);
      if (allowBreaks && !spaces && column > BEST_WIDTH && inner && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(place.indent)}`;
        column = place.indent;
      } else {
        out += c;
        column += 1;
      }
      spaces = true;
      return;
    }
    const text = quote !== '' && c === "'" ? "''" : c;
    out += text;
    column += text.length;
    spaces = false;
  });
  return out + quote;
}

function writeDoubleQuoted(chars: readonly string[], place: ScalarPlace): string {
  let out = '"';
  let column = place.column + 1;
  let spaces = false;
  const allowBreaks = !place.simpleKey;
  chars.forEach((c, i) => {
    if (needsEscape(c)) {
      const text = escapeChar(c);
      out += text;
      column += text.length;
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
        out += `\n${' '.repeat(place.indent)}${chars[i + 1] === ' ' ? '\\' : ''}`;
        column = place.indent;
      } else {
        out += c;
        column += 1;
      }
      spaces = true;
    } else {
      out += c;
      column += 1;
      spaces = false;
    }
  });
  return `${out}"`;
}

function blockHints(value: string): string {
  const indentHint = value.startsWith(' ') || isBreak(value[0] ?? '') ? '2' : '';
  if (!value.endsWith('\n')) return `${indentHint}-`;
  const keep = value === '\n' || value.endsWith('\n\n');
  return `${indentHint}${keep ? '+' : ''}`;
}

/** A literal block (`|`), without the final line break (the caller ends the line). */
function writeLiteral(value: string, place: ScalarPlace): string {
  const body = value
    .split('\n')
    .map((line) => (line === '' ? '' : `${' '.repeat(place.indent)}${line}`))
    .join('\n');
  const text = `|${blockHints(value)}\n${body}`;
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Printable ASCII without " and \\: written as it is inside double quotes. */
const NO_ESCAPES = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/** True when no space can fall past column 80, so the string is written on one line. */
function fitsOnOneLine(value: string, column: number, simpleKey?: boolean): boolean {
  return Boolean(simpleKey) || column + value.length <= BEST_WIDTH + 1 || !value.includes(' ');
}

/** Most strings: plain or quoted on one line without escapes, so no character-by-character writing. */
function writeSimple(value: string, style: ScalarStyle, place: ScalarPlace): string | undefined {
  if (style === 'plain') return fitsOnOneLine(value, place.column, place.simpleKey) ? value : undefined;
  if (style === 'single' && !value.includes("'")) return fitsOnOneLine(value, place.column + 1, place.simpleKey) ? `'${value}'` : undefined;
  if (style === 'double' && NO_ESCAPES.test(value)) return fitsOnOneLine(value, place.column + 1, place.simpleKey) ? `"${value}"` : undefined;
  return undefined;
}

/** A string as kubectl writes it at `place` (may span lines). */
export function writeString(value: string, place: ScalarPlace): string {
  const style = chooseScalarStyle(value, place.simpleKey);
  if (style === 'literal') return writeLiteral(value, place);
  const simple = writeSimple(value, style, place);
  if (simple !== undefined) return simple;
  const chars = Array.from(value);
  if (style === 'double') return writeDoubleQuoted(chars, place);
  return writeFolded(chars, place, style === 'single' ? "'" : '');
}
