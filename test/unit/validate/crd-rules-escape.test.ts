// Property names as CEL rules spell them (k8s.io/apiserver/pkg/cel/escaping.go).
import { escapeCelName } from '../../../src/validate/crd-rules/escape-cel-name.js';

test.each([
  ['replicas', 'replicas'],
  ['_private', '_private'],
  ['namespace', '__namespace__'],
  ['in', '__in__'],
  ['dns-name', 'dns__dash__name'],
  ['app.kubernetes.io/name', 'app__dot__kubernetes__dot__io__slash__name'],
  ['a__b', 'a__underscores__b'],
  ['a___b', 'a__underscores___b'],
  ['.hidden', '__dot__hidden'],
])('%s -> %s', (name, escaped) => {
  expect(escapeCelName(name)).toBe(escaped);
});

test.each(['', '1st', 'has space', 'ünï', 'a:b'])('%j cannot be escaped (not visible to rules)', (name) => {
  expect(escapeCelName(name)).toBeUndefined();
});
