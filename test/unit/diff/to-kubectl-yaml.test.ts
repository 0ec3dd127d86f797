// kubegate's YAML must read like kubectl's: the fixtures are objects the local
// control plane returned (JSON) and what `kubectl create --dry-run=client -o yaml`
// printed for them (kubectl 1.32), including quoting, key order and folding.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toKubectlYaml } from '../../../src/diff/yaml/to-kubectl-yaml.js';
import { compareGoYamlKeys } from '../../../src/diff/yaml/go-yaml-key-order.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'kubectl-yaml');
const names = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

describe('toKubectlYaml', () => {
  test.each(names)('prints %s exactly as kubectl does', (name) => {
    const object: unknown = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8'));
    expect(toKubectlYaml(object)).toBe(readFileSync(join(fixtures, `${name}.yaml`), 'utf8'));
  });

  test('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  test('writes empty maps and lists in flow style, nested lists with stacked dashes', () => {
    expect(toKubectlYaml({ a: {}, b: [], c: [[1, 2], [], [{ x: null }]], d: true, e: 1.5 })).toBe(
      'a: {}\nb: []\nc:\n- - 1\n  - 2\n- []\n- - x: null\nd: true\ne: 1.5\n',
    );
  });
});

describe('compareGoYamlKeys', () => {
  test('orders digits as numbers and other characters before letters', () => {
    const keys = ['ab', 'a10', 'a9', 'a_b', 'Ab', 'a-b', 'a09', '_u', 'A_', 'AB'];
    expect([...keys].sort(compareGoYamlKeys)).toEqual(['_u', 'A_', 'AB', 'Ab', 'a-b', 'a_b', 'a9', 'a09', 'a10', 'ab']);
  });
});
