// Ajv's errors in kubeconform's words, from a small schema in the shape of the Kubernetes ones.
import { createAjv } from '../../../src/validate/create-ajv.js';
import { describeSchemaErrors } from '../../../src/validate/describe-schema-errors.js';

const ajv = createAjv();
const validate = ajv.compile({
  type: 'object',
  required: ['kind', 'spec'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['Thing'] },
    apiVersion: { type: 'string' },
    spec: {
      type: 'object',
      required: ['name', 'port'],
      properties: {
        name: { type: 'string', minLength: 3, pattern: '^[a-z]+$' },
        port: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        created: { type: ['string', 'null'], format: 'date-time' },
        tags: { type: 'array', uniqueItems: true, maxItems: 2 },
        timeout: { type: 'string', format: 'duration' },
      },
    },
  },
});

function describe_(data: unknown): string[] {
  return validate(data) ? [] : describeSchemaErrors(validate.errors, data).map((e) => `${e.path} [${e.segments.join(',')}]: ${e.msg}`);
}

describe('describeSchemaErrors', () => {
  test('groups missing and unknown properties per object, as kubeconform prints them', () => {
    expect(describe_({ kind: 'Thing', extra: 1, more: 2, spec: {} })).toEqual([
      " [extra]: additional properties 'extra', 'more' not allowed",
      "/spec [spec]: missing properties 'name', 'port'",
    ]);
  });

  test('types, enums, int-or-string alternatives, formats and limits', () => {
    expect(
      describe_({ kind: 'Other', spec: { name: 'AB', port: true, created: '2024-01-01', tags: ['a', 'a', 'b'], timeout: 'soon' } }),
    ).toEqual([
      "/kind [kind]: value must be 'Thing'",
      '/spec/name [spec,name]: minLength: got 2, want 3',
      "/spec/name [spec,name]: 'AB' does not match pattern '^[a-z]+$'",
      '/spec/port [spec,port]: got boolean, want integer or string',
      "/spec/created [spec,created]: '2024-01-01' is not valid 'date-time'",
      '/spec/tags [spec,tags]: maxItems: got 3, want 2',
      '/spec/tags [spec,tags]: items at 0 and 1 are equal',
      "/spec/timeout [spec,timeout]: 'soon' is not valid 'duration'",
    ]);
  });

  test('accepts Go durations and null where the schema allows it', () => {
    expect(describe_({ kind: 'Thing', spec: { name: 'abc', port: 80, created: null, timeout: '1h30m' } })).toEqual([]);
  });
});
