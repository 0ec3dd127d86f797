// GNU diff's shift_boundaries (analyze.c): slides each run of changed lines
// over equal neighbours, to merge it with adjacent runs and to line it up
// with a run of changes on the other side, so hunks read as GNU diff (and so
// kubectl diff) prints them. `changed` arrays have a 0 sentinel at both ends:
// line i is at index i + 1.

function shiftOne(changed: Uint8Array, other: Uint8Array, classes: Int32Array): void {
  const end = classes.length;
  const at = (i: number): number => changed[i + 1] as number;
  const set = (i: number, v: number): void => {
    changed[i + 1] = v;
  };
  const otherAt = (j: number): number => other[j + 1] as number;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < end && !at(i)) {
      while (otherAt(j++));
      i += 1;
    }
    if (i === end) return;
    let start = i;
    while (at(++i));
    while (otherAt(j)) j += 1;
    let runLength: number;
    let corresponding: number;
    do {
      runLength = i - start;
      // Back, while the line before the run equals its last line (merges with runs before).
      while (start && classes[start - 1] === classes[i - 1]) {
        set(--start, 1);
        set(--i, 0);
        while (at(start - 1)) start -= 1;
        while (otherAt(--j));
      }
      corresponding = otherAt(j - 1) ? i : end;
      // Forward, while the run's first line equals the line after it (merges with runs after).
      while (i !== end && classes[start] === classes[i]) {
        set(start++, 0);
        set(i++, 1);
        while (at(i)) i += 1;
        while (otherAt(++j)) corresponding = i;
      }
    } while (runLength !== i - start);
    // Back again to where the other side has a change, if there is such a point.
    while (corresponding < i) {
      set(--start, 1);
      set(--i, 0);
      while (otherAt(--j));
    }
  }
}

export function shiftBoundaries(oldChanged: Uint8Array, newChanged: Uint8Array, oldClasses: Int32Array, newClasses: Int32Array): void {
  shiftOne(oldChanged, newChanged, oldClasses);
  shiftOne(newChanged, oldChanged, newClasses);
}
