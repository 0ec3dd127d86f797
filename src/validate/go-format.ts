// How Go (and so kubeconform and its JSON schema library) prints values in
// messages, so that kubegate's messages read byte for byte the same.

const ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
  '\\': '\\\\',
  "'": "\\'",
};

/**
 * santhosh-tekuri/jsonschema's quote(): Go's %q, with the double quotes
 * replaced by single ones ('a\'b', 'line\n').
 */
export function goQuote(text: string): string {
  let out = '';
  for (const char of text) {
    const escaped = ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (/[\u0000-\u001f\u007f]/.test(char)) out += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `'${out}'`;
}

/** Go's %v of a float64: shortest form, exponent below 1e-4 and from 1e21, at least two exponent digits. */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  const abs = Math.abs(value);
  const text = abs !== 0 && (abs < 1e-4 || abs >= 1e21) ? value.toExponential() : String(value);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** The library's display(): strings quoted, numbers and booleans as Go prints them, objects and arrays as "value". */
export function goDisplay(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '<nil>';
  return 'value';
}

/** A JSON pointer with ~ and / escaped, as the library prints instance locations. */
export function jsonPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
