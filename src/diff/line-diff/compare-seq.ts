// The core of GNU diff (gnulib diffseq.h): Myers' O((N+M)D) comparison in
// linear space, splitting at the middle snake. Past TOO_EXPENSIVE edit steps
// it takes the best diagonal found so far instead of the optimum, which
// bounds the cost of big, dissimilar inputs (GNU diff does the same unless
// --minimal).

export interface SequencePair {
  x: Int32Array;
  y: Int32Array;
  /** Called for each line of x that is deleted / each line of y that is inserted. */
  deleted: (xi: number) => void;
  inserted: (yi: number) => void;
}

interface Partition {
  xmid: number;
  ymid: number;
  loMinimal: boolean;
  hiMinimal: boolean;
}

interface Context extends SequencePair {
  fd: Int32Array;
  bd: Int32Array;
  /** Index offset of diagonal 0 in fd/bd (diagonals run from -(y.length+1)). */
  off: number;
  tooExpensive: number;
}

const MAX = 0x7fffffff;

/** Half the way between the best forward and the best backward reach, when the search is cut short. */
function bestEffort(c: Context, bounds: { xoff: number; xlim: number; yoff: number; ylim: number; fmin: number; fmax: number; bmin: number; bmax: number }): Partition {
  const { xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax } = bounds;
  let fxybest = -1;
  let fxbest = 0;
  for (let d = fmax; d >= fmin; d -= 2) {
    let x = Math.min(c.fd[c.off + d] as number, xlim);
    let y = x - d;
    if (ylim < y) {
      x = ylim + d;
      y = ylim;
    }
    if (fxybest < x + y) {
      fxybest = x + y;
      fxbest = x;
    }
  }
  let bxybest = MAX;
  let bxbest = 0;
  for (let d = bmax; d >= bmin; d -= 2) {
    let x = Math.max(xoff, c.bd[c.off + d] as number);
    let y = x - d;
    if (y < yoff) {
      x = yoff + d;
      y = yoff;
    }
    if (x + y < bxybest) {
      bxybest = x + y;
      bxbest = x;
    }
  }
  if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false };
  return { xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true };
}

/** Finds the midpoint of the shortest edit script for x[xoff, xlim) and y[yoff, ylim). */
function diag(c: Context, xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): Partition {
  const { fd, bd, off, x: xv, y: yv } = c;
  const dmin = xoff - ylim;
  const dmax = xlim - yoff;
  const fmid = xoff - yoff;
  const bmid = xlim - ylim;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  const odd = ((fmid - bmid) & 1) !== 0;
  fd[off + fmid] = xoff;
  bd[off + bmid] = xlim;
  for (let cost = 1; ; cost++) {
    if (fmin > dmin) fd[off + --fmin - 1] = -1;
    else fmin += 1;
    if (fmax < dmax) fd[off + ++fmax + 1] = -1;
    else fmax -= 1;
    for (let d = fmax; d >= fmin; d -= 2) {
      const tlo = fd[off + d - 1] as number;
      const thi = fd[off + d + 1] as number;
      let x = tlo < thi ? thi : tlo + 1;
      let y = x - d;
      while (x < xlim && y < ylim && xv[x] === yv[y]) {
        x += 1;
        y += 1;
      }
      fd[off + d] = x;
      if (odd && bmin <= d && d <= bmax && (bd[off + d] as number) <= x) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
    }
    if (bmin > dmin) bd[off + --bmin - 1] = MAX;
    else bmin += 1;
    if (bmax < dmax) bd[off + ++bmax + 1] = MAX;
    else bmax -= 1;
    for (let d = bmax; d >= bmin; d -= 2) {
      const tlo = bd[off + d - 1] as number;
      const thi = bd[off + d + 1] as number;
      let x = tlo < thi ? tlo : thi - 1;
      let y = x - d;
      while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
        x -= 1;
        y -= 1;
      }
      bd[off + d] = x;
      if (!odd && fmin <= d && d <= fmax && x <= (fd[off + d] as number)) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
    }
    if (!findMinimal && cost >= c.tooExpensive) return bestEffort(c, { xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax });
  }
}

function compareSeq(c: Context, xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): void {
  const { x, y } = c;
  while (xoff < xlim && yoff < ylim && x[xoff] === y[yoff]) {
    xoff += 1;
    yoff += 1;
  }
  while (xoff < xlim && yoff < ylim && x[xlim - 1] === y[ylim - 1]) {
    xlim -= 1;
    ylim -= 1;
  }
  if (xoff === xlim) {
    for (; yoff < ylim; yoff++) c.inserted(yoff);
  } else if (yoff === ylim) {
    for (; xoff < xlim; xoff++) c.deleted(xoff);
  } else {
    const part = diag(c, xoff, xlim, yoff, ylim, findMinimal);
    compareSeq(c, xoff, part.xmid, yoff, part.ymid, part.loMinimal);
    compareSeq(c, part.xmid, xlim, part.ymid, ylim, part.hiMinimal);
  }
}

/** GNU diff's bound: about the square root of the input size, at least 4096. */
export function tooExpensiveFor(diagonals: number): number {
  let bound = 1;
  for (let d = diagonals; d !== 0; d = Math.floor(d / 4)) bound *= 2;
  return Math.max(4096, bound);
}

export function compareSequences(pair: SequencePair, tooExpensive?: number): void {
  const diagonals = pair.x.length + pair.y.length + 3;
  const context: Context = {
    ...pair,
    fd: new Int32Array(diagonals),
    bd: new Int32Array(diagonals),
    off: pair.y.length + 1,
    tooExpensive: tooExpensive ?? tooExpensiveFor(diagonals),
  };
  compareSeq(context, 0, pair.x.length, 0, pair.y.length, false);
}
