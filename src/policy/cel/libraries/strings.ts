// cel-go's strings extension functions that cel-js lacks: charAt, replace,
// reverse, format, strings.quote. (indexOf, lastIndexOf, lowerAscii,
// upperAscii, split, substring, trim and join are built into cel-js.)
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';
import { formatString } from './string-format.js';

function charAt(text: string, index: bigint): string {
  const chars = [...text];
  if (index < 0n || index > BigInt(chars.length)) throw celRuntimeError(`charAt: index ${index} out of range`);
  return chars[Number(index)] ?? '';
}

function replace(text: string, from: string, to: string, limit = -1n): string {
  if (limit === 0n) return text;
  if (from === '') {
    const chars = [...text];
    const count = limit < 0n ? chars.length + 1 : Math.min(Number(limit), chars.length + 1);
    return chars.map((c, i) => (i < count ? to + c : c)).join('') + (count > chars.length ? to : '');
  }
  const parts = text.split(from);
  if (limit < 0n || BigInt(parts.length - 1) <= limit) return parts.join(to);
  const n = Number(limit);
  return parts.slice(0, n + 1).join(to) + from + parts.slice(n + 1).join(from);
}

function quote(text: string): string {
  return JSON.stringify(text);
}

class StringsNamespace {}

export function registerStrings(r: CelRegistry): void {
  r.fn('string.charAt(int): string', charAt);
  r.fn('string.replace(string, string): string', (t: string, f: string, to: string) => replace(t, f, to));
  r.fn('string.replace(string, string, int): string', replace);
  r.fn('string.reverse(): string', (text: string) => [...text].reverse().join(''));
  r.fn('string.format(list): string', formatString);
  r.type('kubegate.StringsNamespace', StringsNamespace);
  r.constant('strings', 'kubegate.StringsNamespace', new StringsNamespace());
  r.fn('kubegate.StringsNamespace.quote(string): string', (_ns: StringsNamespace, text: string) => quote(text));
}
