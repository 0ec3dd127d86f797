// kubectl diff's output: per changed object a `diff -u -N LIVE MERGED` header,
// the ---/+++ lines and the hunks (timestamps left out, so output is stable).
import { hunkHeader } from './compute-hunks.js';
import type { EnvironmentDiff, ObjectDiff } from './types.js';

export interface UnifiedDiffOptions {
  /** Directory shown for the live side (kubectl: /tmp/LIVE-<random>). */
  liveDir?: string;
  mergedDir?: string;
}

export const DEFAULT_LIVE_DIR = '/tmp/LIVE-kubegate';
export const DEFAULT_MERGED_DIR = '/tmp/MERGED-kubegate';

/** One object's unified diff ("" when nothing changes). */
export function renderObjectUnifiedDiff(object: ObjectDiff, options: UnifiedDiffOptions = {}): string {
  if (object.hunks.length === 0) return '';
  const live = `${options.liveDir ?? DEFAULT_LIVE_DIR}/${object.fileName}`;
  const merged = `${options.mergedDir ?? DEFAULT_MERGED_DIR}/${object.fileName}`;
  const lines = [`diff -u -N ${live} ${merged}`, `--- ${live}`, `+++ ${merged}`];
  for (const hunk of object.hunks) lines.push(hunkHeader(hunk), ...hunk.lines);
  return `${lines.join('\n')}\n`;
}

/** Every changed object of the environment, in apply order. */
export function renderUnifiedDiff(diff: EnvironmentDiff, options: UnifiedDiffOptions = {}): string {
  return diff.objects.map((o) => renderObjectUnifiedDiff(o, options)).join('');
}

/** True when applying would change something (kubectl diff's exit status 1). */
export function hasDifferences(diff: EnvironmentDiff): boolean {
  return diff.objects.some((o) => o.hunks.length > 0 || o.action === 'create' || o.action === 'update' || o.action === 'delete');
}
