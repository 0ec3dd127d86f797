// Ajv's errors in kubeconform's words, from a small schema in the shape of the Kubernetes ones.
import { createAjv } from '../../../src/validate/create-ajv.js';
import { invalidMessage } from '../../../src/validate/describe-result.js';
import { describeSchemaErrors, kubeconformCauses } from '../../../src/validate/describe-schema-errors.js';
import { goDisplay, goFloat, goQuote } from '../../../src/validate/go-format.js';

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
      "/spec [spec]: missing properties 'name', 'port'",
      " [extra]: additional properties 'extra', 'more' not allowed",
    ]);
  });

  test('types, enums, int-or-string alternatives, formats and limits', () => {
    expect(
      describe_({ kind: 'Other', spec: { name: 'AB', port: true, created: '2024-01-01', tags: ['a', 'a', 'b'], timeout: 'soon' } }),
    ).toEqual([
      "/kind [kind]: value must be 'Thing'",
      '/spec/name [spec,name]: minLength: got 2, want 3',
      "/spec/name [spec,name]: 'AB' does not match pattern '^[a-z]+$'",
      "/spec/port [spec,port]: 'oneOf' failed, none matched",
      "/spec/created [spec,created]: '2024-01-01' is not valid date-time: not a valid date-time",
      '/spec/tags [spec,tags]: maxItems: got 3, want 2',
      '/spec/tags [spec,tags]: items at 0 and 1 are equal',
      "/spec/timeout [spec,timeout]: 'soon' is not valid duration: not a valid duration",
    ]);
  });

  test('accepts Go durations and null where the schema allows it', () => {
    expect(describe_({ kind: 'Thing', spec: { name: 'abc', port: 80, created: null, timeout: '1h30m' } })).toEqual([]);
  });

  test('a type, const, enum or format failure is all the library says about a value', () => {
    const strict = createAjv().compile({ type: 'object', properties: { mode: { type: 'string', enum: ['a', 'b'], minLength: 3, pattern: '^x' } } });
    const check = (data: unknown): string[] => (strict(data) ? [] : describeSchemaErrors(strict.errors, data).map((e) => `${e.path}: ${e.msg}`));
    expect(check({ mode: 7 })).toEqual(['/mode: got number, want string']);
    expect(check({ mode: 'zz' })).toEqual(["/mode: value must be one of 'a', 'b'"]);
  });

  test('the one-line message nests problems as kubeconform prints them', () => {
    const data = { kind: 'Thing', extra: 1, spec: { name: 'AB', port: true } };
    const errors = validate(data) ? [] : describeSchemaErrors(validate.errors, data);
    expect(invalidMessage('https://example.com/thing.json', errors, [])).toBe(
      "problem validating schema. Check JSON formatting: jsonschema validation failed with 'https://example.com/thing.json#'" +
        " - at '/spec': validation failed" +
        "   - at '/spec/name': validation failed" +
        "     - at '/spec/name': minLength: got 2, want 3" +
        "     - at '/spec/name': 'AB' does not match pattern '^[a-z]+$'" +
        "   - at '/spec/port': 'oneOf' failed, none matched" +
        "     - at '/spec/port': got boolean, want string" +
        "     - at '/spec/port': got boolean, want integer" +
        " - at '': additional properties 'extra' not allowed",
    );
    // kubeconform's validationErrors are the top-level ones only.
    expect(kubeconformCauses(errors).map((e) => `${e.path}: ${e.msg}`)).toEqual(['/spec: validation failed', ": additional properties 'extra' not allowed"]);
    expect(errors.find((e) => e.path === '/spec/port')?.hint).toBe('(got boolean, want string; got boolean, want integer)');
  });

  test('problems all under one field are listed flat, with ~ and / escaped in the message only', () => {
    const labels = createAjv().compile({ type: 'object', properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } } });
    const data = { labels: { 'app.kubernetes.io/name': 1, tier: false } };
    const errors = labels(data) ? [] : describeSchemaErrors(labels.errors, data);
    expect(errors.map((e) => e.path)).toEqual(['/labels/app.kubernetes.io/name', '/labels/tier']);
    expect(invalidMessage('s.json', errors, [])).toBe(
      "problem validating schema. Check JSON formatting: jsonschema validation failed with 's.json#'" +
        " - at '/labels/app.kubernetes.io~1name': got number, want string - at '/labels/tier': got boolean, want string",
    );
  });
});

describe('Go formatting', () => {
  test('quotes like %q with single quotes, and prints numbers like %v', () => {
    expect(goQuote("it's")).toBe(String.raw`'it\'s'`);
    expect(goQuote('a\nb\tc\\d')).toBe(String.raw`'a\nb\tc\\d'`);
    expect(goQuote('bell\u0007 nul\u0000')).toBe(String.raw`'bell\a nul\x00'`);
    expect([goFloat(3), goFloat(0.5), goFloat(1e21), goFloat(0.00001), goFloat(-2.5e-7)]).toEqual(['3', '0.5', '1e+21', '1e-05', '-2.5e-07']);
    expect([goDisplay('x'), goDisplay(true), goDisplay(null), goDisplay([1]), goDisplay({})]).toEqual(["'x'", 'true', '<nil>', 'value', 'value']);
  });
});
