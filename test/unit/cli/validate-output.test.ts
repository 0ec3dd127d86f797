// The report formats, fed with the same results.
import type { CliResult } from '../../../src/cli/validate/cli-result.js';
import { createOutput, type OutputFormat } from '../../../src/cli/validate/create-output.js';

const RESULTS: CliResult[] = [
  { path: 'a.yaml', status: 'valid', signature: { kind: 'Deployment', version: 'apps/v1', namespace: 'shop', name: 'web' }, validationErrors: [] },
  {
    path: 'a.yaml',
    status: 'invalid',
    signature: { kind: 'Service', version: 'v1', namespace: '', name: 'web' },
    msg: "bad <port> & 'name'",
    validationErrors: [{ path: '/spec/ports/0/port', msg: 'got string, want integer' }],
  },
  { path: 'b.yaml', status: 'error', signature: { kind: '', version: '', namespace: '', name: '' }, msg: "error while parsing: missing 'kind' key", validationErrors: [] },
  { path: 'b.yaml', status: 'skipped', signature: { kind: 'Secret', version: 'v1', namespace: '', name: 'token' }, validationErrors: [] },
  { path: 'c.yaml', status: 'empty', signature: { kind: '', version: '', namespace: '', name: '' }, validationErrors: [] },
];

function render(format: OutputFormat, options: { summary?: boolean; verbose?: boolean; stdin?: boolean } = {}): string {
  const printed: string[] = [];
  const output = createOutput(format, { summary: false, verbose: false, stdin: false, ...options, print: (t) => printed.push(t) });
  for (const result of RESULTS) output.write(result);
  output.flush();
  return printed.join('');
}

describe('validate output formats', () => {
  test('text', () => {
    expect(render('text', { summary: true, verbose: true })).toBe(
      'a.yaml - Deployment web is valid\n' +
        "a.yaml - Service web is invalid: bad <port> & 'name'\n" +
        "b.yaml - failed validation: error while parsing: missing 'kind' key\n" +
        'b.yaml - token Secret skipped\n' +
        'Summary: 4 resources found in 3 files - Valid: 1, Invalid: 1, Errors: 1, Skipped: 1\n',
    );
    expect(render('text', { summary: true, stdin: true })).toMatch(/\nSummary: 4 resources found parsing stdin - /);
  });

  test('json: problems only unless verbose, Go escaping, validationErrors when there are some', () => {
    const json = render('json', { summary: true });
    expect(json).toContain('"msg": "bad \\u003cport\\u003e \\u0026 \'name\'"');
    expect(JSON.parse(json)).toEqual({
      resources: [
        {
          filename: 'a.yaml',
          kind: 'Service',
          name: 'web',
          version: 'v1',
          status: 'statusInvalid',
          msg: "bad <port> & 'name'",
          validationErrors: [{ path: '/spec/ports/0/port', msg: 'got string, want integer' }],
        },
        { filename: 'b.yaml', kind: '', name: '', version: '', status: 'statusError', msg: "error while parsing: missing 'kind' key" },
      ],
      summary: { valid: 1, invalid: 1, errors: 1, skipped: 1 },
    });
    expect((JSON.parse(render('json', { verbose: true })) as { resources: unknown[] }).resources).toHaveLength(5);
    expect(render('json')).not.toContain('summary');
  });

  test('tap', () => {
    expect(render('tap')).toBe(
      'TAP version 13\n' +
        'ok 1 - a.yaml (apps/v1/Deployment/shop/web)\n' +
        "not ok 2 - a.yaml (v1/Service//web): bad <port> & 'name'\n" +
        "not ok 3 - b.yaml: error while parsing: missing 'kind' key\n" +
        'ok 4 - b.yaml (v1/Secret//token) # skip\n' +
        'ok 5 - c.yaml (empty)\n' +
        '1..5\n',
    );
  });

  test('junit: a suite per file, escaped attributes, no summary line', () => {
    const xml = render('junit', { summary: true }).replace(/time="[^"]*"/, 'time=""');
    expect(xml).toBe(
      [
        '<testsuites name="kubeconform" time="" tests="4" failures="1" disabled="1" errors="1">',
        '  <testsuite name="a.yaml" id="1" tests="2" failures="1" errors="0" disabled="0" skipped="0">',
        '    <testcase name="shop/web" classname="Deployment@apps/v1" time="0"></testcase>',
        '    <testcase name="web" classname="Service@v1" time="0">',
        '      <failure message="bad &lt;port&gt; &amp; &#39;name&#39;" type=""></failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="b.yaml" id="2" tests="2" failures="0" errors="1" disabled="0" skipped="1">',
        '    <testcase name="" classname="@" time="0">',
        '      <error message="error while parsing: missing &#39;kind&#39; key" type=""></error>',
        '    </testcase>',
        '    <testcase name="token" classname="Secret@v1" time="0">',
        '      <skipped message=""></skipped>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="c.yaml" id="3" tests="0" failures="0" errors="0" disabled="0" skipped="0"></testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  test('pretty', () => {
    const pretty = render('pretty', { verbose: true }).replace(/\u001b\[\d+m/g, '');
    expect(pretty).toBe(
      '\u2714 a.yaml: Deployment web is valid\n' +
        "\u2716 a.yaml: Service web is invalid: bad <port> & 'name'\n" +
        "\u2716 b.yaml: failed validation:  error while parsing: missing 'kind' key\n" +
        '- b.yaml: Secret token skipped\n',
    );
  });
});
