// Manifest data (parsed YAML/JSON) as CEL sees it: whole numbers become CEL
// ints (bigint), other numbers doubles; null fields are dropped, as the
// apiserver drops them when it decodes an object.

export function toCelValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toCelValue);
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) out[key] = toCelValue(item);
  }
  return out;
}
