// Secret values never reach any output. kubectl's rule, applied to the live
// and the merged object together: every value of data/stringData becomes ***,
// or "*** (before)" / "*** (after)" when the key is on both sides with
// different values, so a change stays visible. Annotations holding a
// serialized Secret (kubectl's last-applied-configuration) are masked the same
// way; other annotations of a Secret are scrubbed of its values.
import { isSecret, scrubText, secretValues, SECRET_MASK } from './secret-values.js';
import type { JsonObject } from './types.js';

type StringMap = Record<string, unknown>;

function mapAt(object: JsonObject | null, path: readonly string[]): StringMap | undefined {
  let node: unknown = object;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as StringMap)[key] : undefined;
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as StringMap) : undefined;
}

function maskMaps(from: StringMap | undefined, to: StringMap | undefined): void {
  for (const key of Object.keys(from ?? {})) {
    if (from === undefined) break;
    if (to !== undefined && key in to) {
      if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) {
        from[key] = `${SECRET_MASK} (before)`;
        to[key] = `${SECRET_MASK} (after)`;
        continue;
      }
      to[key] = SECRET_MASK;
    }
    from[key] = SECRET_MASK;
  }
  for (const key of Object.keys(to ?? {})) {
    if (to !== undefined && (from === undefined || !(key in from))) to[key] = SECRET_MASK;
  }
}

function parseSerialized(value: unknown): JsonObject | null {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : null;
  } catch {
    return null;
  }
}

function reserialize(original: string, object: JsonObject): string {
  return `${JSON.stringify(object)}${original.endsWith('\n') ? '\n' : ''}`;
}

function maskAnnotations(from: JsonObject | null, to: JsonObject | null, scrub: readonly string[]): void {
  const fromMap = mapAt(from, ['metadata', 'annotations']);
  const toMap = mapAt(to, ['metadata', 'annotations']);
  const keys = new Set([...Object.keys(fromMap ?? {}), ...Object.keys(toMap ?? {})]);
  for (const key of keys) {
    const before = parseSerialized(fromMap?.[key]);
    const after = parseSerialized(toMap?.[key]);
    if (isSecret(before) || isSecret(after)) {
      maskPair(before, after);
      if (fromMap && before) fromMap[key] = reserialize(String(fromMap[key]), before);
      if (toMap && after) toMap[key] = reserialize(String(toMap[key]), after);
    }
    for (const map of [fromMap, toMap]) {
      const value = map?.[key];
      if (map && typeof value === 'string' && scrub.length > 0) map[key] = scrubText(value, scrub);
    }
  }
}

/** Masks both objects in place (pass copies). Either side may be null. */
function maskPair(from: JsonObject | null, to: JsonObject | null): void {
  const secret = isSecret(from) || isSecret(to);
  const scrub = [...new Set([...secretValues(from), ...secretValues(to)])];
  maskAnnotations(from, to, scrub);
  if (!secret) return;
  for (const field of ['data', 'stringData']) maskMaps(mapAt(from, [field]), mapAt(to, [field]));
}

function holdsSerializedSecret(object: JsonObject | null): boolean {
  const annotations = mapAt(object, ['metadata', 'annotations']);
  return Object.values(annotations ?? {}).some((v) => typeof v === 'string' && v.includes('"Secret"'));
}

/**
 * Masked deep copies of the live and the merged object (same pairing as
 * kubectl diff). Objects with nothing to mask are returned as they are.
 */
export function maskSecretPair(live: JsonObject | null, merged: JsonObject | null): { live: JsonObject | null; merged: JsonObject | null } {
  const sensitive = isSecret(live) || isSecret(merged) || holdsSerializedSecret(live) || holdsSerializedSecret(merged);
  if (!sensitive) return { live, merged };
  const maskedLive = live === null ? null : structuredClone(live);
  const maskedMerged = merged === null ? null : structuredClone(merged);
  maskPair(maskedLive, maskedMerged);
  return { live: maskedLive, merged: maskedMerged };
}
