// Equality of JSON values (objects compared by keys, in any order; prototypes
// ignored, as parsed YAML and server answers differ there).

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ma = a as Record<string, unknown>;
  const mb = b as Record<string, unknown>;
  const keys = Object.keys(ma);
  return keys.length === Object.keys(mb).length && keys.every((k) => Object.hasOwn(mb, k) && jsonEqual(ma[k], mb[k]));
}
