// The ApplySet tooling annotation value, "kubegate/v<version>", from
// package.json (the same from src/ in tests and dist/ when built).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function toolingId(read: () => string = () => readFileSync(new URL('../../package.json', import.meta.url), 'utf8')): string {
  if (cached !== undefined) return cached;
  let version = '0.0.0';
  try {
    const parsed = JSON.parse(read()) as { version?: unknown };
    if (typeof parsed.version === 'string') version = parsed.version;
  } catch {
    // an incomplete installation still syncs; the set just says v0.0.0
  }
  cached = `kubegate/v${version}`;
  return cached;
}
