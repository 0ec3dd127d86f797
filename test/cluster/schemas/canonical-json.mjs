// Deterministic JSON: object keys sorted at every level, arrays kept in order.
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

export function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
