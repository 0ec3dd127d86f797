// The line diff behind every hunk: the same hunks as GNU diff -u (what
// kubectl diff runs), checked against the diff binary on random inputs when
// it is installed, and fast enough for a ConfigMap with thousands of keys.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeHunks, hunkHeader } from '../../../src/diff/compute-hunks.js';
import { compareSequences } from '../../../src/diff/line-diff/compare-seq.js';

const text = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');

function unified(before: string, after: string, context = 3): string {
  return computeHunks(before, after, context)
    .hunks.map((h) => [hunkHeader(h), ...h.lines].join('\n'))
    .join('\n');
}

describe('computeHunks', () => {
  test('a deleted line among equal ones goes where GNU diff puts it (as late as it can)', () => {
    expect(unified('a\nb\nb\nc\n', 'a\nb\nc\n')).toBe('@@ -1,4 +1,3 @@\n a\n b\n-b\n c');
  });

  test('insertions, creation from nothing, and the counts', () => {
    expect(unified('x: 1\ny: 2\n', 'x: 1\nz: 3\ny: 2\nz: 3\n')).toBe('@@ -1,2 +1,4 @@\n x: 1\n+z: 3\n y: 2\n+z: 3');
    const created = computeHunks('', 'a: 1\nb: 2\n');
    expect(created).toMatchObject({ added: 2, removed: 0 });
    expect(hunkHeader(created.hunks[0]!)).toBe('@@ -0,0 +1,2 @@');
    expect(computeHunks('same\n', 'same\n')).toEqual({ hunks: [], added: 0, removed: 0 });
  });

  test('changes more than 2 x context lines apart get separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = before.map((l, i) => (i === 2 || i === 17 ? `${l} changed` : l));
    const { hunks } = computeHunks(text(before), text(after));
    expect(hunks.map(hunkHeader)).toEqual(['@@ -1,6 +1,6 @@', '@@ -15,6 +15,6 @@']);
    const near = before.map((l, i) => (i === 2 || i === 9 ? `${l} changed` : l));
    expect(computeHunks(text(before), text(near)).hunks.map(hunkHeader)).toEqual(['@@ -1,13 +1,13 @@']);
  });

  test('a ConfigMap of 4,000 keys, every value changed: one hunk, every line counted', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `  key-${i}: value ${i}`);
    const before = text(['apiVersion: v1', 'data:', ...keys, 'kind: ConfigMap']);
    const after = text(['apiVersion: v1', 'data:', ...keys.map((k) => `${k} v2`), 'kind: ConfigMap']);
    const { hunks, added, removed } = computeHunks(before, after);
    expect({ hunks: hunks.length, added, removed }).toEqual({ hunks: 1, added: 4000, removed: 4000 });
    expect(hunks[0]!.lines[0]).toBe(' apiVersion: v1');
  });
});

describe('compareSequences cut short', () => {
  test('still a valid edit script: what is neither deleted nor inserted is the same on both sides', () => {
    const pick = random(42);
    for (let t = 0; t < 50; t++) {
      const x = Int32Array.from({ length: 200 + pick(200) }, () => pick(20));
      const y = Int32Array.from({ length: 200 + pick(200) }, () => pick(20));
      const deleted = new Set<number>();
      const inserted = new Set<number>();
      compareSequences({ x, y, deleted: (i) => deleted.add(i), inserted: (i) => inserted.add(i) }, 4);
      expect(x.filter((_, i) => !deleted.has(i))).toEqual(y.filter((_, i) => !inserted.has(i)));
    }
  });
});

const gnuDiff = spawnSync('diff', ['--version'], { encoding: 'utf8' });
const describeWithGnuDiff = gnuDiff.status === 0 && gnuDiff.stdout.includes('GNU diffutils') ? describe : describe.skip;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

function edited(lines: readonly string[], edits: number, pick: (n: number) => number, alphabet: number): string[] {
  const out = [...lines];
  for (let e = 0; e < edits; e++) {
    const at = pick(out.length + 1);
    const kind = pick(3);
    if (kind === 0 || out.length === 0) out.splice(at, 0, `line ${pick(alphabet)}`);
    else if (kind === 1) out.splice(Math.min(at, out.length - 1), 1);
    else out[Math.min(at, out.length - 1)] = `line ${pick(alphabet)}`;
  }
  return out;
}

describeWithGnuDiff('computeHunks against GNU diff -u', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-hunks-'));

  function gnu(before: string, after: string, context: number): string {
    writeFileSync(join(dir, 'a'), before);
    writeFileSync(join(dir, 'b'), after);
    const r = spawnSync('diff', [`-U${context}`, '-N', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return r.stdout.split('\n').slice(2).join('\n').replace(/\n$/, '');
  }

  test('the same hunks on 300 random inputs (few distinct lines, so many equally short edit scripts)', () => {
    const pick = random(20240607);
    const mismatches: string[] = [];
    for (let t = 0; t < 300; t++) {
      const size = [5, 20, 60, 300, 1500][pick(5)] ?? 5;
      const alphabet = [3, 10, 50, 1_000_000][pick(4)] ?? 3;
      const before = Array.from({ length: size }, () => `line ${pick(alphabet)}`);
      const after = pick(4) === 0 ? Array.from({ length: pick(size * 2) + 1 }, () => `line ${pick(alphabet)}`) : edited(before, pick(Math.max(2, size / 3)) + 1, pick, alphabet);
      const context = [3, 0, 1][pick(3)] ?? 3;
      if (unified(text(before), text(after), context) !== gnu(text(before), text(after), context)) mismatches.push(`case ${t}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('the same hunks on a large input where the search is cut short (over 4,096 edit steps each way)', () => {
    const pick = random(7);
    const before = Array.from({ length: 8000 }, () => `line ${pick(1000)}`);
    const after = Array.from({ length: 8000 }, () => `line ${pick(1000)}`);
    const ours = computeHunks(text(before), text(after));
    expect(ours.added + ours.removed).toBeGreaterThan(2 * 4096);
    expect(unified(text(before), text(after))).toBe(gnu(text(before), text(after), 3));
  });
});
