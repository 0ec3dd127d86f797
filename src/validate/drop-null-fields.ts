// The API server reads `field: null` as "field not set" (creationTimestamp:
// null is in most generated manifests; CRD schemas prune nulls the same way).
// Schemas that do not allow null would flag it, so validation sees the object
// without its null fields. Items of lists keep their nulls: a null container
// is still an error.

function hasNullField(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object' && hasNullField(item)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (child === null || (typeof child === 'object' && hasNullField(child))) return true;
  }
  return false;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null) continue;
    // defineProperty: a "__proto__" key must stay a key, not become the prototype.
    Object.defineProperty(out, key, { value: strip(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `body` itself when it has no null fields (the common case), else a copy without them. */
export function dropNullFields<T>(body: T): T {
  return body !== null && typeof body === 'object' && hasNullField(body) ? (strip(body) as T) : body;
}
