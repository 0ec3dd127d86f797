// go-yaml v2's yaml_emitter_analyze_scalar + select_scalar_style: which
// quoting kubectl's YAML output uses for a string.
import { canBePlainString } from './resolve-plain.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

export const isBreak = (c: string): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** YAML's printable set, as go-yaml checks it. */
export function isPrintable(c: string): boolean {
  const p = c.codePointAt(0) ?? 0;
  return p === 0x0a || (p >= 0x20 && p <= 0x7e) || (p >= 0xa0 && p <= 0xd7ff) || (p >= 0xe000 && p <= 0xfffd && p !== 0xfeff);
}

function indicators(chars: readonly string[]): { block: boolean } {
  let block = chars.length >= 3 && (chars.slice(0, 3).join('') === '---' || chars.slice(0, 3).join('') === '...');
  let precededByWhitespace = true;
  chars.forEach((c, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) block = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) block = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) {
      block = true;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === '\0';
  });
  return { block };
}

function analyze(chars: readonly string[]): Analysis {
  if (chars.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  let special = false;
  let lineBreaks = false;
  let breakSpace = false;
  let spaceBreak = false;
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ' && prev !== undefined && isBreak(prev)) breakSpace = true;
    if (isBreak(c) && prev === ' ') spaceBreak = true;
  });
  const edges = first === ' ' || isBreak(first) || last === ' ' || isBreak(last);
  const analysis = { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: last !== ' ' };
  if (edges || lineBreaks || indicators(chars).block) analysis.blockPlainAllowed = false;
  if (breakSpace) analysis.singleQuotedAllowed = false;
  if (spaceBreak || special) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
    analysis.blockAllowed = false;
  }
  return analysis;
}

/** Letters, digits and . _ / - inside, a letter or digit first, no space last: never an indicator. */
const SIMPLE = /^[A-Za-z0-9](?:[A-Za-z0-9 ._/-]*[A-Za-z0-9._/-])?$/;

/** The style of a string value (simpleKey: a mapping key, which is never folded or block). */
export function chooseScalarStyle(value: string, simpleKey = false): ScalarStyle {
  if (SIMPLE.test(value)) return canBePlainString(value) ? 'plain' : 'double';
  const chars = Array.from(value);
  const a = analyze(chars);
  let style: ScalarStyle = value.includes('\n') ? 'literal' : canBePlainString(value) ? 'plain' : 'double';
  if (style === 'plain' && !a.blockPlainAllowed) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}
