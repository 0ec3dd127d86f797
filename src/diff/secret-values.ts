// The values a Secret manifest holds (data, its base64-decoded form, and
// stringData), to scrub from any text that might echo them: server messages,
// annotations that are not JSON.
import type { JsonObject } from './types.js';

export const SECRET_MASK = '***';
/** Shorter values would mask ordinary words. */
const MIN_SCRUBBED_LENGTH = 4;

export function isSecret(object: JsonObject | null | undefined): boolean {
  return object?.kind === 'Secret' && object.apiVersion === 'v1';
}

/** Every value a Secret's body holds: data (as written and base64-decoded) and stringData. */
export function secretDataValues(body: JsonObject): string[] {
  const values: string[] = [];
  for (const field of ['data', 'stringData'] as const) {
    const map = body[field];
    if (typeof map !== 'object' || map === null) continue;
    for (const v of Object.values(map)) {
      if (typeof v !== 'string') continue;
      values.push(v);
      if (field === 'data') values.push(Buffer.from(v, 'base64').toString('utf8'));
    }
  }
  return values;
}

export function secretValues(object: JsonObject | null | undefined): string[] {
  if (!object || !isSecret(object)) return [];
  return secretDataValues(object)
    .filter((v) => v.trim().length >= MIN_SCRUBBED_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of the given values replaced by ***. */
export function scrubText(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) out = out.split(v).join(SECRET_MASK);
  return out;
}
