import { createLineLocator } from '../../../src/manifests/create-line-locator.js';

const TEXT = `---
apiVersion: v1
kind: Pod
metadata:
  name: name
  labels: {app: web,
    "tier": image}
spec:
  containers:
  - name: image
    image: busybox
    args:
    - sleep
    - "3600"
    -   --verbose
  -
    name: second
    image: busybox
`;

describe('createLineLocator', () => {
  const lineOf = createLineLocator(TEXT, 10, 99);

  test.each([
    [['kind'], 12],
    [['metadata', 'name'], 14],
    [['metadata', 'labels'], 15],
    [['metadata', 'labels', 'tier'], 16],
    [['spec', 'containers', 0], 19],
    [['spec', 'containers', 0, 'image'], 20],
    [['spec', 'containers', 0, 'args', 2], 24],
    [['spec', 'containers', 1, 'name'], 26],
    [['spec', 'containers', 5, 'name'], 18],
    [[], 11],
  ] as const)('finds %j on file line %i (the document starts at line 10)', (path, line) => {
    expect(lineOf(path)).toBe(line);
  });

  test('returns the fallback line when the document cannot be parsed', () => {
    expect(createLineLocator('a: [', 1, 7)(['a'])).toBe(7);
  });
});
