// Kubernetes evaluates CEL regular expressions with RE2 (linear time). JS
// regular expressions backtrack, so a crafted input could stall a policy: V8 is
// told (once, process-wide) to fall back to its linear engine after excessive
// backtracking. RE2-only syntax that policies commonly use is translated.
import { setFlagsFromString } from 'node:v8';
import { celRuntimeError } from '../runtime-error.js';

setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 1000;

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const leading = /^\(\?([imsU]+)\)/.exec(source);
  if (leading?.[1]) {
    for (const flag of leading[1]) if (flag !== 'U' && !flags.includes(flag)) flags += flag;
    source = source.slice(leading[0].length);
  }
  source = source.replaceAll('(?P<', '(?<').replaceAll('\\A', '^').replaceAll('\\z', '$(?![\\s\\S])');
  return { source, flags };
}

/** The compiled RegExp for an RE2 pattern (cached); throws a CEL error for invalid patterns. */
export function re2(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : '-'}${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  const { source, flags } = translate(pattern);
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, global ? `${flags}g` : flags);
  } catch (err: unknown) {
    const reason = err instanceof Error ? err.message : String(err);
    throw celRuntimeError(`invalid regular expression "${pattern}": ${reason}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
