// Property names as CEL sees them, by the Kubernetes escaping rules
// (k8s.io/apiserver/pkg/cel/escaping.go): CEL keywords become __keyword__,
// and in other names "__" becomes __underscores__, "." __dot__, "-" __dash__
// and "/" __slash__. A name with any other character, or starting with a
// digit, cannot be escaped: the property is not visible to rules.

const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;
const ESCAPES: Readonly<Record<string, string>> = { __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' };

/** The CEL identifier for a property name, or undefined when Kubernetes cannot escape it. */
export function escapeCelName(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ESCAPABLE.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (match) => ESCAPES[match] ?? match);
}
