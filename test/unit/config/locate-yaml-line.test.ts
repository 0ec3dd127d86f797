import { locateYamlLine } from '../../../src/config/locate-yaml-line.js';

const TEXT = `# comment
a:
  b: 1
  list:
  - x: 1
    y: 2
  -   x: 3
      deep:
        - q
        - r
c: {inline: true}
`;

describe('locateYamlLine', () => {
  it.each([
    [['a'], 2],
    [['a', 'b'], 3],
    [['a', 'list', 0, 'y'], 6],
    [['a', 'list', 1], 7],
    [['a', 'list', 1, 'x'], 7],
    [['a', 'list', 1, 'deep', 1], 10],
    [['c', 'inline'], 11],
    [['a', 'missing'], 2],
  ] as const)('%j is on line %d', (path, line) => {
    expect(locateYamlLine(TEXT, path)).toBe(line);
  });

  it('answers undefined when the first key is absent', () => {
    expect(locateYamlLine(TEXT, ['zzz'])).toBeUndefined();
  });
});
