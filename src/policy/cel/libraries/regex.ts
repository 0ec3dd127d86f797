// Kubernetes' CEL regex library: find, findAll (RE2 syntax, see re2-regexp.ts).
import type { CelRegistry } from '../cel-registry.js';
import { re2 } from './re2-regexp.js';

function find(text: string, pattern: string): string {
  return re2(pattern).exec(text)?.[0] ?? '';
}

function findAll(text: string, pattern: string, limit = -1n): string[] {
  if (limit === 0n) return [];
  const matches = [...text.matchAll(re2(pattern, true))].map((m) => m[0]);
  return limit < 0n ? matches : matches.slice(0, Number(limit));
}

export function registerRegex(r: CelRegistry): void {
  r.fn('string.find(string): string', find);
  r.fn('string.findAll(string): list<string>', (text: string, pattern: string) => findAll(text, pattern));
  r.fn('string.findAll(string, int): list<string>', findAll);
}
