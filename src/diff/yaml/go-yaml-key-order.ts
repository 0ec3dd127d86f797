// The key order of kubectl's YAML output (go-yaml v2's keyList.Less): runs of
// digits compare as numbers, other non-letters sort before letters, letters by
// code point. "a9" < "a10", "_u" < "A_" < "AB" < "ab".

/** A string's characters: the string itself, or its code points when it holds surrogate pairs. */
type Chars = ArrayLike<string>;

const SURROGATE = /[\uD800-\uDFFF]/;
const LETTERS_ONLY = /^[A-Za-z]*$/;

const charsOf = (s: string): Chars => (SURROGATE.test(s) ? Array.from(s) : s);
const textOf = (c: Chars, from: number, to: number): string =>
  typeof c === 'string' ? c.slice(from, to) : Array.prototype.slice.call(c, from, to).join('');

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > '\x7f' && /\p{L}/u.test(c));
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function digitRun(chars: Chars, from: number): { end: number; value: number } {
  let end = from;
  let value = 0;
  while (end < chars.length && isDigit(chars[end] ?? '')) {
    value = value * 10 + Number(chars[end]);
    end += 1;
  }
  return { end, value };
}

function leadingZeroRun(chars: Chars, at: number): boolean {
  for (let j = at - 1; j >= 0 && isDigit(chars[j] ?? ''); j--) {
    if (chars[j] !== '0') return true;
  }
  return false;
}

function compareAt(a: Chars, b: Chars, i: number): number {
  const ca = a[i] ?? '';
  const cb = b[i] ?? '';
  const al = isLetter(ca);
  const bl = isLetter(cb);
  if (al && bl) return ca < cb ? -1 : 1;
  if (al || bl) return bl ? -1 : 1;
  const seeded = (ca === '0' || cb === '0') && leadingZeroRun(a, i) ? 1 : 0;
  const ra = digitRun(a, i);
  const rb = digitRun(b, i);
  const an = seeded ? Number(`1${textOf(a, i, ra.end)}`) : ra.value;
  const bn = seeded ? Number(`1${textOf(b, i, rb.end)}`) : rb.value;
  if (an !== bn) return an < bn ? -1 : 1;
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1;
  return ca < cb ? -1 : 1;
}

/** Sort comparator for mapping keys, as kubectl prints them. */
export function compareGoYamlKeys(x: string, y: string): number {
  if (x === y) return 0;
  const a = charsOf(x);
  const b = charsOf(y);
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] !== b[i]) return compareAt(a, b, i);
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * Sorts mapping keys in place, as kubectl prints them. Keys of ASCII letters
 * only (most Kubernetes field names) compare by code point, which is what
 * go-yaml does for letters, so the common case skips the general comparator.
 */
export function sortGoYamlKeys(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  return keys.every((k) => LETTERS_ONLY.test(k)) ? keys.sort() : keys.sort(compareGoYamlKeys);
}
