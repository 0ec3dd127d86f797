// Manifest data (parsed YAML/JSON) as CEL sees it: whole numbers become CEL
// ints (bigint), other numbers doubles; null fields are dropped, as the
// apiserver drops them when it decodes an object.

export function toCelValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) list[i] = toCelValue(value[i]);
    return list;
  }
  if (value instanceof Date) return value.toISOString();
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const item = source[key];
    if (item !== null && item !== undefined) out[key] = toCelValue(item);
  }
  return out;
}
