// Line diff of two texts as unified-diff hunks (GNU diff -u: 3 lines of context).
import { structuredPatch } from 'diff';
import type { DiffHunk } from './types.js';

export const DEFAULT_CONTEXT_LINES = 3;

export interface HunkStats {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

export function computeHunks(before: string, after: string, context = DEFAULT_CONTEXT_LINES): HunkStats {
  if (before === after) return { hunks: [], added: 0, removed: 0 };
  const patch = structuredPatch('live', 'merged', before, after, undefined, undefined, { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((h) => {
    const lines = h.lines.filter((l) => !l.startsWith('\\'));
    for (const l of lines) {
      if (l.startsWith('+')) added += 1;
      else if (l.startsWith('-')) removed += 1;
    }
    return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines };
  });
  return { hunks, added, removed };
}

function range(start: number, lines: number): string {
  const first = lines === 0 ? start - 1 : start;
  return lines === 1 ? `${first}` : `${first},${lines}`;
}

/** "@@ -6,7 +6,7 @@" as GNU diff writes it. */
export function hunkHeader(h: DiffHunk): string {
  return `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
}
