// Custom resources validated by the openAPIV3Schema of their CustomResourceDefinition.
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { createValidator } from '../../../src/validate/create-validator.js';
import { fieldErrors, loadFixture, summarize } from './helpers.js';

describe('custom resources', () => {
  test('CRDs among the validated objects define their kinds (int-or-string, nullable, embedded and preserved fields)', async () => {
    const objects = [...loadFixture('crd/crontabs.yaml'), ...loadFixture('crd/crontab-crd.yaml')];
    const [nightly, broken, crd] = await createValidator().validate(objects);
    expect(nightly?.status).toBe('valid');
    expect(crd?.status).toBe('valid');
    expect(broken?.msg).toMatch(/^problem validating schema\. Check JSON formatting: jsonschema validation failed with 'CustomResourceDefinition crontabs\.stable\.example\.com \(v1\)#'/);
    expect(fieldErrors(broken)).toEqual([
      "/spec: missing property 'image'",
      "/spec/cronSpec: 'every night' does not match pattern '^(\\\\d+|\\\\*)(/\\\\d+)?(\\\\s+(\\\\d+|\\\\*)(/\\\\d+)?){4}$'",
      '/spec/replicas: maximum: got 20, want 10',
      '/spec/port: got boolean, want integer or string',
      '/spec/tags/1: duplicate value "a" (item 0 has it too); this list is a set',
    ]);
  });

  test('strict mode rejects fields the CRD does not declare, except where it preserves unknown fields', async () => {
    const results = await createValidator({ strict: true, crds: loadFixture('crd/crontab-crd.yaml') }).validate(loadFixture('crd/crontabs.yaml'));
    expect(results[0]?.status).toBe('valid');
    expect(fieldErrors(results[1])).toContain("/spec: additional properties 'colour' not allowed");
  });

  test('reads apiextensions.k8s.io/v1beta1 CRDs (one schema for all versions)', async () => {
    const crd = loadManifests(
      'crd.yaml',
      [
        'apiVersion: apiextensions.k8s.io/v1beta1',
        'kind: CustomResourceDefinition',
        'metadata: {name: gizmos.example.com}',
        'spec:',
        '  group: example.com',
        '  names: {kind: Gizmo, plural: gizmos}',
        '  versions: [{name: v1}, {name: v2}]',
        '  validation:',
        '    openAPIV3Schema:',
        '      properties:',
        '        spec: {properties: {size: {type: integer, minimum: 0, exclusiveMinimum: true}}}',
      ].join('\n'),
    ).objects;
    const gizmos = loadManifests('g.yaml', 'apiVersion: example.com/v2\nkind: Gizmo\nmetadata: {name: g}\nspec: {size: 0}\n').objects;
    expect(summarize(await createValidator({ crds: crd }).validate(gizmos))).toEqual([
      "Gizmo/g: invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'CustomResourceDefinition gizmos.example.com (v2)#' - at '/spec/size': exclusiveMinimum: got 0, want 0",
    ]);
  });

  test('a version the CRD does not define has no schema', async () => {
    const v2 = loadManifests('c.yaml', 'apiVersion: stable.example.com/v2\nkind: CronTab\nmetadata: {name: x}\n').objects;
    expect(summarize(await createValidator({ crds: loadFixture('crd/crontab-crd.yaml') }).validate(v2))).toEqual(['CronTab/x: error: could not find schema for CronTab']);
  });
});
