// Lines as numbers: equal lines get the same number (GNU diff's equivalence
// classes), so the comparison compares integers, not strings.

export interface ClassifiedLines {
  /** One class per line of each side. */
  old: Int32Array;
  new: Int32Array;
  /** How many classes there are (classes are 0 .. count-1). */
  count: number;
}

export function classifyLines(oldLines: readonly string[], newLines: readonly string[]): ClassifiedLines {
  const classes = new Map<string, number>();
  const classify = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, i) => {
      let c = classes.get(line);
      if (c === undefined) {
        c = classes.size;
        classes.set(line, c);
      }
      out[i] = c;
    });
    return out;
  };
  const old = classify(oldLines);
  return { old, new: classify(newLines), count: classes.size };
}
