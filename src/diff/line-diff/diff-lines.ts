// Which lines of two texts changed, the way GNU diff decides it (kubectl diff
// runs `diff -u -N`): common ends trimmed (keeping `horizon` lines, as GNU
// diff keeps its context lines in the comparison), confusing lines
// discarded, the rest compared with a bounded Myers search, then boundaries
// shifted. Time stays near linear for typical edits and bounded for large
// rewrites.
import { compareSequences } from './compare-seq.js';
import { discardConfusingLines } from './discard-confusing-lines.js';
import { classifyLines } from './equivalence-classes.js';
import { shiftBoundaries } from './shift-boundaries.js';

export interface ChangedLines {
  /** 1 for each deleted line of the old side (index i + 1: a 0 sentinel at each end). */
  old: Uint8Array;
  /** 1 for each inserted line of the new side (same layout). */
  new: Uint8Array;
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a[n] === b[n]) n += 1;
  return n;
}

function commonSuffix(a: readonly string[], b: readonly string[], from: number): number {
  const max = Math.min(a.length, b.length) - from;
  let n = 0;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

/** Marks the changes of the middle parts (old[from, oldEnd) and new[from, newEnd)). */
function compareMiddle(oldLines: readonly string[], newLines: readonly string[], from: number, oldEnd: number, newEnd: number, out: ChangedLines): void {
  const classes = classifyLines(oldLines.slice(from, oldEnd), newLines.slice(from, newEnd));
  const [oldDiscards, newDiscards] = discardConfusingLines(classes.old, classes.new, classes.count);
  const kept = (discards: Uint8Array, lines: Int32Array, changed: Uint8Array): { codes: Int32Array; index: Int32Array } => {
    const index: number[] = [];
    discards.forEach((d, i) => {
      if (d === 0) index.push(i);
      else changed[from + i + 1] = 1;
    });
    return { codes: Int32Array.from(index, (i) => lines[i] as number), index: Int32Array.from(index) };
  };
  const x = kept(oldDiscards, classes.old, out.old);
  const y = kept(newDiscards, classes.new, out.new);
  compareSequences({
    x: x.codes,
    y: y.codes,
    deleted: (i) => (out.old[from + (x.index[i] as number) + 1] = 1),
    inserted: (i) => (out.new[from + (y.index[i] as number) + 1] = 1),
  });
  const region = (changed: Uint8Array, end: number): Uint8Array => changed.subarray(from, end + 2);
  shiftBoundaries(region(out.old, oldEnd), region(out.new, newEnd), classes.old, classes.new);
}

export function diffLines(oldLines: readonly string[], newLines: readonly string[], horizon: number): ChangedLines {
  const out: ChangedLines = { old: new Uint8Array(oldLines.length + 2), new: new Uint8Array(newLines.length + 2) };
  const prefix = commonPrefix(oldLines, newLines);
  if (prefix === oldLines.length && prefix === newLines.length) return out;
  // As GNU diff: `horizon` lines of each common end stay in the comparison, and
  // the common suffix may reach into those of the prefix.
  const from = Math.max(0, prefix - horizon);
  const keep = Math.max(0, commonSuffix(oldLines, newLines, from) - horizon);
  compareMiddle(oldLines, newLines, from, oldLines.length - keep, newLines.length - keep, out);
  return out;
}
