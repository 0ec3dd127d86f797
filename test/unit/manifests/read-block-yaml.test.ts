// The fast block reader must give exactly js-yaml's result (with kubegate's
// scalar rules) whenever it gives one; everything else is left to js-yaml.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { readBlockYaml } from '../../../src/manifests/read-block-yaml.js';
import { splitDocuments } from '../../../src/manifests/split-documents.js';
import { KUBERNETES_YAML_SCHEMA } from '../../../src/manifests/yaml-schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** What js-yaml reads, or 'throws'. */
function jsYaml(text: string): unknown {
  try {
    return load(text, { schema: KUBERNETES_YAML_SCHEMA });
  } catch {
    return 'throws';
  }
}

/** Checks the reader against js-yaml on `text`; returns whether the reader gave a value. */
function agrees(text: string): boolean {
  const fast = readBlockYaml(text);
  if (fast === undefined) return false;
  expect({ text, value: fast }).toStrictEqual({ text, value: jsYaml(text) });
  return true;
}

const IN_SUBSET: Record<string, string> = {
  'nested mappings, comments and a document start': '# head\n--- # start\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x   # trailing\n\n  labels:\n    app.kubernetes.io/name: web\n',
  'sequences, indented and not, with compact mappings': 'a:\n- x\n-  y # c\n- k: 1\n  j: two\nb:\n  - -1\n  - --flag=1\n  -\n    name: m\n  -\n',
  'scalar rules of kubectl': 'n1: ~\nn2: null\nn3:\nb1: yes\nb2: Off\nb3: y\ni1: 0644\ni2: 1_000\ni3: -0x1F\nf1: 1.5e3\nf2: .inf\nf3: -.NaN\ns1: 100m\ns2: 1.2.3\ns3: nullish\ns4: a:b\ns5: http://x y\ns6: <<\n',
  'quoted scalars and keys': "a: 'it''s'\nb: \"q: #1\"\n'c d': ''\n\"e\": \"\"\nf: ' x '\n",
  'literal block scalars with chomping': 'a: |\n  one\n\n    two\n  three\nb: |-\n  x\n\n\nc: |+\n  y\n\n\nd: |\n\n  late start\ne: end\n',
  'folded block scalars': 'a: >\n  one\n  two\n\n  para\n    more\n  back\nb: >-\n  x\n  y\nseq:\n- >\n  in a sequence\n',
  'empty flow collections': 'a: {}\nb: []\nc:\n- {}\n- [] # c\n',
  'an indented root, unicode and keys like prototype names': '  a: été ✓\n  constructor: 1\n  toString: x\n',
  'a last line without a line break': 'a: |\n  x\nb: y',
};

const OUTSIDE_SUBSET: Record<string, string> = {
  'flow collections': 'a: [1, 2]\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'merge keys': 'a: {}\n<<: {}\n',
  tags: 'a: !!str 1\n',
  'multi-line plain scalars': 'a: one\n  two\n',
  'escapes in double quotes': 'a: "x\\ty"\n',
  'multi-line quoted scalars': "a: 'one\n  two'\n",
  'duplicate keys': 'a: 1\na: 2\n',
  'non-string keys': '1: a\n',
  'boolean keys': 'on: push\n',
  tabs: 'a:\tb\n',
  'CR line ends': 'a: b\r\n',
  'explicit block indentation': 'a: |2\n   x\n',
  'a root sequence': '- a\n',
  'a root scalar': 'just text\n',
  'an empty document': '# nothing\n',
  'a document end marker': 'a: b\n...\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'a mapping value on a key line': 'a: b: c\n',
  'nested sequences on one line': 'a:\n- - b\n',
  '__proto__ keys': '__proto__: x\n',
};

describe('readBlockYaml', () => {
  test.each(Object.entries(IN_SUBSET))('reads %s exactly as js-yaml does', (_name, text) => {
    expect(agrees(text)).toBe(true);
  });

  test.each(Object.entries(OUTSIDE_SUBSET))('leaves %s to js-yaml', (_name, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });

  test('agrees with js-yaml on every document of the repository fixtures and the peer corpus', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    for (const dir of [join(root, 'fixtures'), join(root, '..', 'shared', 'corpus')]) if (existsSync(dir)) walk(dir);
    let read = 0;
    for (const file of files) {
      for (const chunk of splitDocuments(readFileSync(file, 'utf8'))) if (agrees(chunk.text)) read++;
    }
    expect(read).toBeGreaterThan(50);
  });

  test('agrees with js-yaml on small edits of valid documents (seeded, so failures reproduce)', () => {
    const seeds = Object.values(IN_SUBSET);
    const pieces = [' ', '  ', '\n', '- ', ':', ': ', ' #', "'", '"', '|', '>-', '{}', '[]', 'x', '1', 'yes', '~', '---', '\n  ', '\n- ', '&a ', '*a', '<<'];
    let state = 42;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    let read = 0;
    for (let i = 0; i < 4000; i++) {
      let text = seeds[random(seeds.length)] ?? '';
      const at = random(text.length + 1);
      text = random(2) === 0 ? text.slice(0, at) + (pieces[random(pieces.length)] ?? '') + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + random(3));
      if (agrees(text)) read++;
    }
    expect(read).toBeGreaterThan(400);
  });
});
