// x-kubernetes-validations (CEL rules of CRDs) evaluated on custom resources,
// as the API server evaluates them. fixtures/manifests/crd-rules is also what
// the parity test installs into a real kube-apiserver.
import { readFileSync } from 'node:fs';
import type { ManifestObject } from '../../../src/core/types.js';
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { createValidator } from '../../../src/validate/create-validator.js';
import { compileCrdRules, type CrdRules } from '../../../src/validate/crd-rules/index.js';
import { resultToFindings } from '../../../src/validate/result-to-findings.js';
import type { ResourceResult } from '../../../src/validate/types.js';
import { FIXTURES, fieldErrors, loadFixture } from './helpers.js';

const widgetCrd = loadFixture('crd-rules/widget-crd.yaml');

async function validateWidgets(): Promise<Map<string, ResourceResult>> {
  const results = await createValidator({ crds: widgetCrd }).validate(loadFixture('crd-rules/widgets.yaml'));
  return new Map(results.map((r) => [r.object?.name ?? '?', r]));
}

function load(file: string, text: string): ManifestObject[] {
  return loadManifests(file, text).objects;
}

/** The field errors of the one custom resource in `text`. */
async function errorsOf(crds: ManifestObject[], text: string): Promise<string[]> {
  const [result] = await createValidator({ crds }).validate(load('cr.yaml', text));
  return fieldErrors(result);
}

/** A CRD of group example.com, version v1, with this openAPIV3Schema (YAML, indented by 2 per level from column 0). */
function crdWith(kind: string, plural: string, schema: string): ManifestObject[] {
  const header = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    `metadata: {name: ${plural}.example.com}`,
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    `  names: {kind: ${kind}, plural: ${plural}}`,
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
  ];
  const body = schema.split('\n').map((line) => (line === '' ? line : `          ${line}`));
  return load(`crds/${plural}.yaml`, [...header, ...body].join('\n'));
}

/** The compiled rules of the first version of a CRD, straight from the module (to pass an old object or limits). */
function rulesOf(crd: ManifestObject | undefined): CrdRules {
  const version = (crd?.body.spec as { versions: Array<{ schema: { openAPIV3Schema: unknown } }> }).versions[0];
  const rules = compileCrdRules({ openAPIV3Schema: version?.schema.openAPIV3Schema, kind: 'Test', display: 'CustomResourceDefinition test', file: 'crd.yaml', lineOf: () => 1 });
  if (!rules) throw new Error('the CRD has no rules');
  return rules;
}

describe('x-kubernetes-validations on custom resources', () => {
  let results: Map<string, ResourceResult>;
  beforeAll(async () => {
    results = await validateWidgets();
  });

  test.each([
    ['w-good', []],
    // root: only apiVersion, kind, metadata.name and metadata.generateName are visible
    ['bad-name', [': metadata.name must start with w-']],
    // object rules; messageExpression, and its fallback when it fails (no image: no such key)
    ['w-replicas', ['/spec: replicas exceed maxReplicas for image widget']],
    ['w-message-fallback', ['/spec: failed rule: !has(self.maxReplicas) || self.replicas <= self.maxReplicas']],
    // rules see defaulted fields (replicas defaults to 1)
    ['w-defaulted-replicas', ['/spec: replicas exceed maxReplicas for image widget']],
    ['w-two-images', ['/spec: exactly one of image and imageRef must be set']],
    // fieldPath and reason
    ['w-legacy', ['/spec/legacyConfig: Required value: legacyConfig is required in legacy mode']],
    // optionalOldSelf: evaluated on creation, with oldSelf empty
    ['w-generation', ['/spec/generation: generation must start at 1']],
    // a map, and its values
    ['w-labels', ['/spec/labels: labels must not use the kubernetes.io/ prefix', '/spec/labels/owner: label values must be at most 16 characters']],
    // a list of type map, its items, int-or-string
    [
      'w-ports',
      [
        '/spec/ports: port numbers must be unique',
        '/spec/ports/2: port web is privileged: name it web-privileged',
        '/spec/ports/2: failed rule: !has(self.target__dash__port) || self.target__dash__port != 0',
      ],
    ],
    ['w-tags', ['/spec/tags: tags must be lower case']],
    // escaped names: namespace (a CEL keyword), dns-name, tier.kubegate.dev/level, a__b
    [
      'w-escaped',
      [
        '/spec/escaped: namespace must not be default',
        '/spec/escaped: dns-name must end with .example.com',
        '/spec/escaped: tier.kubegate.dev/level must be gold or silver',
        '/spec/escaped: failed rule: !has(self.a__underscores__b) || self.a__underscores__b > 0',
      ],
    ],
    // scalars with formats: duration and date-time
    ['w-formats', ['/spec/timeout: timeout must be at most 1h', '/spec/notBefore: notBefore must not be before 2020']],
    // a runtime error rejects the object
    ['w-runtime-error', ['/spec/limits: No such key: max evaluating rule: self.min <= self.max']],
    // an embedded resource sees its apiVersion and kind
    ['w-template', ['/spec/template: the template must be a v1 ConfigMap']],
    // a blocking schema error (too long) keeps the rules from running, as at the API server
    [
      'w-too-long',
      [
        "/spec/mode: maxLength: got 24, want 16",
        ': some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      ],
    ],
  ])('%s', (name, expected) => {
    const result = results.get(name);
    expect(fieldErrors(result)).toEqual(expected);
    expect(result?.status).toBe(expected.length === 0 ? 'valid' : 'invalid');
  });

  test('a transition rule is skipped without an old object (creation), evaluated with one', () => {
    const rules = rulesOf(widgetCrd[0]);
    const body = { apiVersion: 'rules.kubegate.dev/v1', kind: 'Widget', metadata: { name: 'w-x' }, spec: { image: 'i', immutableId: 'b', generation: 2 } };
    expect(rules.evaluate(body, { ...body, spec: { image: 'i', immutableId: 'b', generation: 1 } })).toEqual([]);
    expect(rules.evaluate(body, { ...body, spec: { image: 'i', immutableId: 'a', generation: 1 } })).toEqual([
      { segments: ['spec', 'immutableId'], message: 'immutableId is immutable' },
    ]);
    expect(rules.evaluate(body).map((v) => v.message)).toEqual(['generation must start at 1']);
  });

  test('findings are on the line of the field and name the check', async () => {
    const result = (await validateWidgets()).get('w-labels') as ResourceResult;
    const text = readFileSync(`${FIXTURES}crd-rules/widgets.yaml`, 'utf8').split('\n');
    const ownerLine = text.findIndex((line) => line.includes('owner: a-very-long-owner-name')) + 1;
    const finding = resultToFindings(result).find((f) => f.field === 'spec.labels.owner');
    expect(finding).toMatchObject({ check: 'validate', rule: 'x-kubernetes-validations', line: ownerLine });
    expect(finding?.message).toBe('Widget w-labels: spec.labels.owner: label values must be at most 16 characters');
    expect(result.msg).toMatch(/^Kubernetes would reject it - at '\/spec\/labels': labels must not use/);
  });

  test('a type error of the object keeps the rules from running', async () => {
    const text = 'apiVersion: rules.kubegate.dev/v1\nkind: Widget\nmetadata: {name: x}\nspec: {image: a, replicas: three}\n';
    expect(await errorsOf(widgetCrd, text)).toEqual([
      '/spec/replicas: got string, want integer',
      ': some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });
});

describe('rules that do not compile', () => {
  const crd = crdWith(
    'Gadget',
    'gadgets',
    `type: object
x-kubernetes-validations:
  - rule: self.metadata.namespace == 'x'
properties:
  spec:
    type: object
    x-kubernetes-validations:
      - rule: "self.size >"
      - rule: "self.size == 'big'"
      - rule: self.size > 2
        message: size must be above 2
      - rule: self.size > 0
        messageExpression: self.size
    properties:
      size: {type: integer}
`,
  );
  const where = (path: string, line: number): string => `${path} of CustomResourceDefinition gadgets.example.com (v1) (kind Gadget, crds/gadgets.yaml line ${line})`;

  test('each is an error of the object naming the CRD, the rule and the position; the other rules still run', async () => {
    const [result] = await createValidator({ crds: crd }).validate(load('g.yaml', 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {size: 1}\n'));
    expect(result?.status).toBe('invalid');
    expect(fieldErrors(result)).toEqual([
      // metadata.namespace is not visible to rules
      `: rule compile error: ${where('openAPIV3Schema.x-kubernetes-validations[0]', 16)}: type error at line 1, column 15: No such key: namespace`,
      `/spec: rule compile error: ${where('openAPIV3Schema.properties.spec.x-kubernetes-validations[0]', 21)}: syntax error at line 1, column 12: Unexpected token: EOF`,
      `/spec: rule compile error: ${where('openAPIV3Schema.properties.spec.x-kubernetes-validations[1]', 22)}: type error at line 1, column 1: no such overload: int == string`,
      '/spec: size must be above 2',
      `/spec: messageExpression compile error: ${where('openAPIV3Schema.properties.spec.x-kubernetes-validations[3]', 25)}: the expression must evaluate to a string, not int`,
    ]);
  });

  test('rules at a node whose value is absent are not evaluated (nor reported)', async () => {
    expect(await errorsOf(crd, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n')).toEqual([expect.stringMatching(/^: rule compile error: openAPIV3Schema\.x-kubernetes-validations\[0\]/)]);
  });
});

describe('evaluation bounds', () => {
  const crd = crdWith(
    'Loop',
    'loops',
    `type: object
properties:
  spec:
    type: object
    x-kubernetes-validations:
      - rule: self.items.all(a, self.items.all(b, a + b >= 0))
      - rule: self.items.size() < 0
    properties:
      items: {type: array, items: {type: integer}}
`,
  );

  test('a rule over the cost limit is an error of the object, and no further rule runs', () => {
    const rules = rulesOf(crd[0]);
    const body = { apiVersion: 'example.com/v1', kind: 'Loop', metadata: { name: 'l' }, spec: { items: Array.from({ length: 100 }, (_, i) => i) } };
    expect(rules.evaluate(body, undefined, { cost: 1_000_000, timeMs: 1_000 }).map((v) => v.message)).toEqual(['failed rule: self.items.size() < 0']);
    const bounded = rules.evaluate(body, undefined, { cost: 500, timeMs: 1_000 }) ?? [];
    expect(bounded).toHaveLength(1);
    expect(bounded[0]?.message).toMatch(/cost limit of 500 steps exceeded.*no further validation rules will be run due to call cost exceeds limit for rule: self\.items\.all/);
  });
});

describe('schema shapes', () => {
  const crd = crdWith(
    'Shape',
    'shapes',
    `type: object
properties:
  spec:
    type: object
    allOf:
      - x-kubernetes-validations:
          - rule: self.sides >= 3
            message: a shape has at least 3 sides
    x-kubernetes-validations:
      - rule: "!has(self.extra)"
        message: extra is never visible
      - rule: "self.sizes.all(k, self.sizes[k] > 0.5)"
        message: sizes must be above 0.5
    properties:
      sides: {type: integer}
      sizes: {type: object, additionalProperties: {type: number}}
    x-kubernetes-preserve-unknown-fields: true
  status:
    type: object
    x-kubernetes-preserve-unknown-fields: true
    x-kubernetes-validations:
      - rule: self.ready == true
`,
  );

  test('rules in allOf apply to the same value; preserved unknown fields are not visible; numbers are doubles', async () => {
    const text = 'apiVersion: example.com/v1\nkind: Shape\nmetadata: {name: s}\nspec: {sides: 2, extra: 1, sizes: {a: 1, b: 0.25}}\nstatus: {ready: true}\n';
    expect(await errorsOf(crd, text)).toEqual([
      '/spec: sizes must be above 0.5',
      '/spec: a shape has at least 3 sides',
      // status has no declared fields: ready is unknown data, a rule cannot read it
      expect.stringMatching(/^\/status: rule compile error: openAPIV3Schema\.properties\.status\.x-kubernetes-validations\[0\] .*: type error .*No such key: ready$/),
    ]);
  });
});
