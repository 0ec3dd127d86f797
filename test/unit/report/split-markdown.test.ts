import { splitMarkdown } from '../../../src/report/split-markdown.js';

function balanced(piece: string): void {
  const fences = piece.split('\n').filter((l) => /^```/.test(l)).length;
  expect(fences % 2).toBe(0);
  expect((piece.match(/<details>/g) ?? []).length).toBe((piece.match(/<\/details>/g) ?? []).length);
}

describe('splitMarkdown', () => {
  it('returns short markdown unchanged', () => {
    expect(splitMarkdown('# a\n\nb', 100)).toEqual(['# a\n\nb']);
  });

  it('splits between blocks and loses nothing', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `paragraph ${i} ${'x'.repeat(40)}`);
    const md = paragraphs.join('\n\n');
    const pieces = splitMarkdown(md, 300);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.join('\n')).toBe(md);
  });

  it('never splits inside a fenced code block that fits', () => {
    const fence = ['```yaml', ...Array.from({ length: 10 }, (_, i) => `line: ${i}`), '```'].join('\n');
    const md = ['intro '.repeat(10), fence, 'outro '.repeat(10)].join('\n\n');
    const pieces = splitMarkdown(md, fence.length + 5);
    expect(pieces.some((p) => p.includes(fence))).toBe(true);
    expect(pieces.join('\n')).toBe(md);
    pieces.forEach(balanced);
  });

  it('re-opens a fenced block that is larger than one piece', () => {
    const body = Array.from({ length: 100 }, (_, i) => `- item ${i}`);
    const md = ['```diff', ...body, '```'].join('\n');
    const pieces = splitMarkdown(md, 200);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(200);
      expect(p.startsWith('```diff\n')).toBe(true);
      expect(p.endsWith('\n```')).toBe(true);
    }
    const lines = pieces.flatMap((p) => p.split('\n').slice(1, -1));
    expect(lines).toEqual(body);
  });

  it('closes and re-opens a <details> block that is larger than one piece', () => {
    const items = Array.from({ length: 80 }, (_, i) => `- finding ${i}`);
    const md = ['<details><summary>`a.yaml`: 80 findings</summary>', '', ...items, '', '</details>'].join('\n');
    const pieces = splitMarkdown(md, 300);
    expect(pieces.length).toBeGreaterThan(2);
    pieces.forEach(balanced);
    expect(pieces[0]?.startsWith('<details><summary>`a.yaml`: 80 findings</summary>')).toBe(true);
    expect(pieces[1]?.startsWith('<details><summary>`a.yaml`: 80 findings (continued)</summary>')).toBe(true);
    const listed = pieces.flatMap((p) => p.split('\n').filter((l) => l.startsWith('- finding')));
    expect(listed).toEqual(items);
  });

  it('cuts a single over-long line visibly, never silently', () => {
    const pieces = splitMarkdown(`short\n\n${'y'.repeat(1000)}`, 200);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(200);
    expect(pieces.join('\n')).toMatch(/… \[line cut here: \d+ more characters not shown\]/);
  });
});
