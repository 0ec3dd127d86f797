// Line diff of two texts as unified-diff hunks (GNU diff -u: 3 lines of
// context; changes at most 2 x context lines apart share a hunk).
import { diffLines, type ChangedLines } from './line-diff/diff-lines.js';
import type { DiffHunk } from './types.js';

export const DEFAULT_CONTEXT_LINES = 3;

export interface HunkStats {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

/** One change: `deleted` old lines at `old`, replaced by `inserted` new lines at `new`. */
interface Change {
  old: number;
  new: number;
  deleted: number;
  inserted: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

function changesOf(changed: ChangedLines, oldCount: number, newCount: number): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < oldCount || j < newCount) {
    if (!changed.old[i + 1] && !changed.new[j + 1]) {
      i += 1;
      j += 1;
      continue;
    }
    const change = { old: i, new: j, deleted: 0, inserted: 0 };
    while (changed.old[i + 1]) i += 1;
    while (changed.new[j + 1]) j += 1;
    change.deleted = i - change.old;
    change.inserted = j - change.new;
    changes.push(change);
  }
  return changes;
}

function hunkOf(group: readonly Change[], oldLines: readonly string[], newLines: readonly string[], context: number): DiffHunk {
  const first = group[0] as Change;
  const last = group[group.length - 1] as Change;
  const lead = Math.min(context, first.old);
  const oldStart = first.old - lead;
  const newStart = first.new - lead;
  const oldEnd = Math.min(oldLines.length, last.old + last.deleted + context);
  const lines: string[] = [];
  let i = oldStart;
  for (const change of group) {
    for (; i < change.old; i++) lines.push(` ${oldLines[i]}`);
    for (let k = 0; k < change.deleted; k++) lines.push(`-${oldLines[change.old + k]}`);
    for (let k = 0; k < change.inserted; k++) lines.push(`+${newLines[change.new + k]}`);
    i = change.old + change.deleted;
  }
  for (; i < oldEnd; i++) lines.push(` ${oldLines[i]}`);
  const oldCount = oldEnd - oldStart;
  const newCount = oldCount + group.reduce((n, c) => n + c.inserted - c.deleted, 0);
  return { oldStart: oldStart + 1, oldLines: oldCount, newStart: newStart + 1, newLines: newCount, lines };
}

export function computeHunks(before: string, after: string, context = DEFAULT_CONTEXT_LINES): HunkStats {
  if (before === after) return { hunks: [], added: 0, removed: 0 };
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const changes = changesOf(diffLines(oldLines, newLines, context), oldLines.length, newLines.length);
  const hunks: DiffHunk[] = [];
  let group: Change[] = [];
  for (const change of changes) {
    const previous = group[group.length - 1];
    if (previous && change.old - (previous.old + previous.deleted) > 2 * context) {
      hunks.push(hunkOf(group, oldLines, newLines, context));
      group = [];
    }
    group.push(change);
  }
  if (group.length > 0) hunks.push(hunkOf(group, oldLines, newLines, context));
  return {
    hunks,
    added: changes.reduce((n, c) => n + c.inserted, 0),
    removed: changes.reduce((n, c) => n + c.deleted, 0),
  };
}

function range(start: number, lines: number): string {
  const first = lines === 0 ? start - 1 : start;
  return lines === 1 ? `${first}` : `${first},${lines}`;
}

/** "@@ -6,7 +6,7 @@" as GNU diff writes it. */
export function hunkHeader(h: DiffHunk): string {
  return `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
}
