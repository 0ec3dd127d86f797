// GNU diff's discard_confusing_lines (analyze.c): lines with no match on the
// other side are changes anyway, so they are left out of the comparison, and
// so are lines that are very frequent on the other side when they sit inside
// a run of such lines. This keeps the comparison fast for big rewrites (every
// value of a large ConfigMap changed) and gives the same hunks as GNU diff,
// which kubectl diff runs.

/** 0: compared; 1: discarded (no match); 2: provisionally discarded (too many matches). */
type Discards = Uint8Array;

function markDiscardable(classes: Int32Array, otherCounts: Int32Array): Discards {
  const discards = new Uint8Array(classes.length);
  let many = 5;
  // MANY grows with the approximate square root of the number of lines.
  for (let tem = Math.floor(classes.length / 64); (tem >>= 2) > 0; ) many *= 2;
  classes.forEach((c, i) => {
    const matches = otherCounts[c] ?? 0;
    if (matches === 0) discards[i] = 1;
    else if (matches > many) discards[i] = 2;
  });
  return discards;
}

/** Cancels provisional discards inside one run [i, i+length) as GNU diff does. */
function trimProvisional(discards: Discards, i: number, length: number): void {
  let minimum = 1;
  for (let tem = length >> 2; (tem >>= 2) > 0; ) minimum <<= 1;
  minimum += 1;
  // A subrun of MINIMUM or more provisionals is kept (not discarded).
  for (let j = 0, consec = 0; j < length; j++) {
    if (discards[i + j] !== 2) consec = 0;
    else if (minimum === ++consec) j -= consec;
    else if (minimum < consec) discards[i + j] = 0;
  }
  // From each end, provisionals before the first 3 nonprovisionals in a row (or 8 lines in) are kept.
  for (const step of [1, -1]) {
    const from = step === 1 ? i : i + length - 1;
    for (let j = 0, consec = 0; j < length; j++) {
      const at = from + step * j;
      if (j >= 8 && discards[at] === 1) break;
      if (discards[at] === 2) {
        consec = 0;
        discards[at] = 0;
      } else if (discards[at] === 0) consec = 0;
      else consec += 1;
      if (consec === 3) break;
    }
  }
}

function settleProvisional(discards: Discards): void {
  const end = discards.length;
  for (let i = 0; i < end; i++) {
    if (discards[i] === 2) {
      discards[i] = 0;
      continue;
    }
    if (discards[i] === 0) continue;
    // A run of discardable lines that starts with a nonprovisional one.
    let j = i;
    let provisional = 0;
    for (; j < end && discards[j] !== 0; j++) if (discards[j] === 2) provisional += 1;
    while (j > i && discards[j - 1] === 2) {
      discards[--j] = 0;
      provisional -= 1;
    }
    const length = j - i;
    if (provisional * 4 > length) {
      while (j > i) if (discards[--j] === 2) discards[j] = 0;
    } else {
      trimProvisional(discards, i, length);
    }
    i += length - 1;
  }
}

function countClasses(classes: Int32Array, count: number): Int32Array {
  const counts = new Int32Array(count);
  for (const c of classes) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

/** Which lines of each side take part in the comparison (1: discarded, so changed). */
export function discardConfusingLines(oldClasses: Int32Array, newClasses: Int32Array, classCount: number): [Uint8Array, Uint8Array] {
  const oldDiscards = markDiscardable(oldClasses, countClasses(newClasses, classCount));
  const newDiscards = markDiscardable(newClasses, countClasses(oldClasses, classCount));
  settleProvisional(oldDiscards);
  settleProvisional(newDiscards);
  return [oldDiscards, newDiscards];
}
