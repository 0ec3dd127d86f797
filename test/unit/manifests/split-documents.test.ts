import { splitDocuments } from '../../../src/manifests/split-documents.js';

const shape = (text: string): Array<[number, number | undefined, string]> =>
  splitDocuments(text).map((c) => [c.firstLine, c.contentLine, c.text]);

describe('splitDocuments', () => {
  test('splits at --- lines and keeps the separator with the document it opens', () => {
    expect(shape('a: 1\n---\nb: 2\n--- # third\nc: 3\n')).toEqual([
      [1, 1, 'a: 1\n'],
      [2, 3, '---\nb: 2\n'],
      [4, 5, '--- # third\nc: 3\n'],
    ]);
  });

  test('does not split at --- inside a line or at ---- lines', () => {
    expect(shape('a: "x --- y"\n----\n')).toEqual([[1, 1, 'a: "x --- y"\n----\n']]);
  });

  test('drops blank text before the first separator but keeps empty documents between separators', () => {
    expect(shape('\n# header\n---\na: 1\n---\n---\n')).toEqual([
      [3, 4, '---\na: 1\n'],
      [5, undefined, '---\n'],
      [6, undefined, '---\n'],
    ]);
  });

  test('keeps a %YAML directive with the document its --- opens', () => {
    expect(shape('%YAML 1.2\n---\na: 1\n')).toEqual([[1, 3, '%YAML 1.2\n---\na: 1\n']]);
  });

  test('counts content on the separator line itself', () => {
    expect(shape('--- {a: 1}\n')).toEqual([[1, 1, '--- {a: 1}\n']]);
  });
});
