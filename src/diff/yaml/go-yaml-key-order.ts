// The key order of kubectl's YAML output (go-yaml v2's keyList.Less): runs of
// digits compare as numbers, other non-letters sort before letters, letters by
// code point. "a9" < "a10", "_u" < "A_" < "AB" < "ab".

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > '\x7f' && /\p{L}/u.test(c));
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function digitRun(chars: readonly string[], from: number): { end: number; value: number } {
  let end = from;
  let value = 0;
  while (end < chars.length && isDigit(chars[end] ?? '')) {
    value = value * 10 + Number(chars[end]);
    end += 1;
  }
  return { end, value };
}

function leadingZeroRun(chars: readonly string[], at: number): boolean {
  for (let j = at - 1; j >= 0 && isDigit(chars[j] ?? ''); j--) {
    if (chars[j] !== '0') return true;
  }
  return false;
}

function compareAt(a: readonly string[], b: readonly string[], i: number): number {
  const ca = a[i] ?? '';
  const cb = b[i] ?? '';
  const al = isLetter(ca);
  const bl = isLetter(cb);
  if (al && bl) return ca < cb ? -1 : 1;
  if (al || bl) return bl ? -1 : 1;
  const seeded = (ca === '0' || cb === '0') && leadingZeroRun(a, i) ? 1 : 0;
  const ra = digitRun(a, i);
  const rb = digitRun(b, i);
  const an = seeded ? Number(`1${a.slice(i, ra.end).join('')}`) : ra.value;
  const bn = seeded ? Number(`1${b.slice(i, rb.end).join('')}`) : rb.value;
  if (an !== bn) return an < bn ? -1 : 1;
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1;
  return ca < cb ? -1 : 1;
}

/** Sort comparator for mapping keys, as kubectl prints them. */
export function compareGoYamlKeys(x: string, y: string): number {
  if (x === y) return 0;
  const a = Array.from(x);
  const b = Array.from(y);
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] !== b[i]) return compareAt(a, b, i);
  }
  return a.length < b.length ? -1 : 1;
}
