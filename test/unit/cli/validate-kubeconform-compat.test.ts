// `kubegate validate` as a drop-in for kubeconform: flags, outputs and schema
// locations as kubeconform v0.7 has them (its wording and layouts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../src/cli/run-cli.js';
import { parseValidateArgs, type ParsedArgs } from '../../../src/cli/validate/parse-validate-args.js';
import { FIXTURES } from '../validate/helpers.js';
import { recordingIo } from '../validate/recording-io.js';

async function validate(args: string[], cwd = FIXTURES, stdin?: string): Promise<{ status: number; out: string; err: string }> {
  const io = recordingIo(cwd, stdin);
  const status = await runCli(['validate', ...args], io);
  return { status, out: io.out.join(''), err: io.err.join('') };
}

function args(argv: string[]): Extract<ParsedArgs, { command: 'run' }>['args'] {
  const parsed = parseValidateArgs(argv);
  if (parsed.command !== 'run') throw new Error(`expected a run, got ${parsed.command}`);
  return parsed.args;
}

const REPLICAS = "/spec/replicas': got string, want null or integer";

describe('flags as Go parses them', () => {
  test('every kubeconform flag, with one or two dashes, -flag value and -flag=value', () => {
    const parsed = args([
      '--cache=c', '-debug', '--exit-on-error', '-ignore-filename-pattern=a', '--ignore-filename-pattern', 'b', '-ignore-missing-schemas',
      '--insecure-skip-tls-verify=true', '-kubernetes-version', '1.30.2', '--n=8', '-output=tap', '--reject', 'Secret', '-schema-location=default',
      '--schema-location', 'x', '-skip=Pod', '--strict', '-summary', '--verbose', 'f.yaml',
    ]);
    expect(parsed).toMatchObject({
      cache: 'c', debug: true, exitOnError: true, ignoreMissingSchemas: true, insecureSkipTlsVerify: true, kubernetesVersion: '1.30.2',
      output: 'tap', reject: ['Secret'], schemaLocations: ['default', 'x'], skip: ['Pod'], strict: true, summary: true, verbose: true, paths: ['f.yaml'],
    });
    expect(parsed.ignoreFilenamePatterns.map(String)).toEqual(['/a/', '/b/']);
    expect(parseValidateArgs(['--h'])).toEqual({ command: 'help' });
    expect(parseValidateArgs(['--v'])).toEqual({ command: 'version' });
  });

  test('-skip and -reject are single flags: the last one wins', () => {
    expect(args(['-skip', 'Secret', '-skip', 'Pod,v1/ConfigMap']).skip).toEqual(['Pod', 'v1/ConfigMap']);
    expect(args(['-reject', 'Secret', '--reject=Job']).reject).toEqual(['Job']);
  });

  test.each([
    [['---strict'], 'bad flag syntax: ---strict'],
    [['-=x'], 'bad flag syntax: -=x'],
    [['-kubernetes-version', 'v1.27.2'], 'invalid value "v1.27.2" for flag -kubernetes-version: v1.27.2 is not a valid version.'],
    [['-n', '4x'], 'invalid value "4x" for flag -n: parse error'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseValidateArgs(argv)).toThrow(message);
  });

  test('-n takes what Go reads as an int', () => {
    expect(() => args(['-n', '0x10'])).not.toThrow();
    expect(() => args(['-n', '-1'])).not.toThrow();
  });

  test('-h prints the usage on stdout in Go flag layout', async () => {
    const help = await validate(['-h']);
    expect(help.status).toBe(0);
    const lines = help.out.split('\n');
    expect(lines[0]).toBe('Usage: kubegate validate [OPTION]... [FILE OR FOLDER]...');
    expect(lines).toContain('  -h\tshow help information');
    expect(lines).toContain('  -n int');
    expect(lines).toContain('  -output string');
    expect(lines).toContain('    \toutput format - json, junit, pretty, tap, text (default "text")');
  });

  test('usage errors: the Go message then the usage, on stderr, exit 1', async () => {
    const run = await validate(['-kubernetes-version', '1.25', 'list.yaml']);
    expect(run.status).toBe(1);
    expect(run.out).toBe('');
    const lines = run.err.split('\n');
    expect(lines[0]).toBe('invalid value "1.25" for flag -kubernetes-version: 1.25 is not a valid version. Valid values are "master" (default) or full version x.y.z (e.g. "1.27.2")');
    expect(lines[1]).toMatch(/^Usage:/);
  });

  test('-insecure-skip-tls-verify adds nothing to the output when no schema is downloaded', async () => {
    expect(await validate(['-insecure-skip-tls-verify', '-summary', 'list.yaml'])).toEqual({
      status: 0,
      out: 'Summary: 2 resources found in 1 file - Valid: 2, Invalid: 0, Errors: 0, Skipped: 0\n',
      err: '',
    });
  });
});

describe('messages and outputs', () => {
  test('the built-in schema is named by the URL kubeconform uses for it', async () => {
    const run = await validate(['-kubernetes-version', '1.30.2', 'invalid/unknown-field.yaml']);
    expect(run.out).toBe(
      "invalid/unknown-field.yaml - Deployment shop is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.30.2-standalone/deployment-apps-v1.json#' - at '" +
        `${REPLICAS}\n`,
    );
  });

  test('json: the message and kubeconform validationErrors', async () => {
    const run = await validate(['-output', 'json', 'invalid/unknown-field.yaml']);
    const parsed = JSON.parse(run.out) as { resources: Array<{ msg: string; validationErrors: unknown }> };
    expect(parsed.resources[0]?.msg).toContain('master-standalone/deployment-apps-v1.json#');
    expect(parsed.resources[0]?.validationErrors).toEqual([{ path: '/spec/replicas', msg: 'got string, want null or integer' }]);
    expect(run.out.startsWith('{\n  "resources": [\n    {\n      "filename": "invalid/unknown-field.yaml",\n      "kind": "Deployment",')).toBe(true);
  });

  test('tap: errors without the resource name, "# skip" after skipped ones, the header only with results', async () => {
    const run = await validate(['-output', 'tap', '-skip', 'Namespace', 'list.yaml', 'not-kubernetes.yaml']);
    expect(run.out).toBe(
      'TAP version 13\n' +
        'ok 1 - list.yaml (v1/Namespace//team-b) # skip\n' +
        'ok 2 - list.yaml (v1/ServiceAccount/team-b/deployer)\n' +
        "not ok 3 - not-kubernetes.yaml: error while parsing: missing 'kind' key\n" +
        'not ok 4 - not-kubernetes.yaml: error unmarshalling resource: the document is a list, not a Kubernetes object\n' +
        '1..4\n',
    );
    expect((await validate(['-output', 'tap', '-ignore-filename-pattern', '.', 'list.yaml'])).out).toBe('1..0\n');
  });

  test('junit: testcases carry time="0", and an empty file is an empty suite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-junit-'));
    try {
      writeFileSync(join(dir, 'empty.yaml'), '# nothing here\n');
      writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ns\n');
      const xml = (await validate(['-output', 'junit', 'cm.yaml', 'empty.yaml'], dir)).out.replace(/ time="[^"]*"/, ' time=""');
      expect(xml).toBe(
        [
          '<testsuites name="kubeconform" time="" tests="1" failures="0" disabled="0" errors="0">',
          '  <testsuite name="cm.yaml" id="1" tests="1" failures="0" errors="0" disabled="0" skipped="0">',
          '    <testcase name="ns/a" classname="ConfigMap@v1" time="0"></testcase>',
          '  </testsuite>',
          '  <testsuite name="empty.yaml" id="2" tests="0" failures="0" errors="0" disabled="0" skipped="0"></testsuite>',
          '</testsuites>',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schema locations in kubeconform layouts', () => {
  let dir = '';
  const schema = (kind: string): string =>
    JSON.stringify({ type: 'object', required: ['spec'], properties: { kind: { type: 'string', enum: [kind] }, spec: { type: 'object', properties: { size: { type: 'integer' } } } } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubegate-locations-'));
    // yannh/kubernetes-json-schema layout: <folder>/<version>-standalone[-strict]/<kind><kind suffix>.json
    mkdirSync(join(dir, 'k8s', 'master-standalone'), { recursive: true });
    writeFileSync(join(dir, 'k8s', 'master-standalone', 'widget-example-v1.json'), schema('Widget'));
    // datreeio/CRDs-catalog layout: <group>/<kind>_<version>.json
    mkdirSync(join(dir, 'catalog', 'example.com'), { recursive: true });
    writeFileSync(join(dir, 'catalog', 'example.com', 'widget_v1.json'), schema('Widget'));
    writeFileSync(join(dir, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const invalidAt = (schemaFile: string): string =>
    `widget.yaml - Widget w is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with '${schemaFile}#' - at '/spec/size': got string, want integer\n`;

  test('a folder in kubeconform\'s default layout', async () => {
    const run = await validate(['-schema-location', 'k8s', 'widget.yaml'], dir);
    expect(run).toEqual({ status: 1, out: invalidAt('k8s/master-standalone/widget-example-v1.json'), err: '' });
  });

  test("datreeio's CRDs-catalog template, after a location that does not have the kind", async () => {
    const run = await validate(['-schema-location', 'default', '-schema-location', 'catalog/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'widget.yaml'], dir);
    expect(run.out).toBe(invalidAt('catalog/example.com/widget_v1.json'));
  });

  test('file:// URLs, as templates and as folders', async () => {
    const base = pathToFileURL(dir).href;
    const template = await validate(['-schema-location', `${base}/catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`, 'widget.yaml'], dir);
    expect(template.out).toBe(invalidAt(join(dir, 'catalog/example.com/widget_v1.json')));
    const folder = await validate(['-schema-location', `${base}/k8s`, '-summary', 'widget.yaml'], dir);
    expect(folder.out).toContain(invalidAt(join(dir, 'k8s/master-standalone/widget-example-v1.json')));
  });

  test('a kind no location has: "could not find schema", or skipped with -ignore-missing-schemas', async () => {
    expect((await validate(['-schema-location', 'k8s', '-strict', 'widget.yaml'], dir)).out).toBe(
      'widget.yaml - Widget w failed validation: could not find schema for Widget\n',
    );
    expect(await validate(['-schema-location', 'k8s', '-strict', '-ignore-missing-schemas', '-summary', 'widget.yaml'], dir)).toEqual({
      status: 0,
      out: 'Summary: 1 resource found in 1 file - Valid: 0, Invalid: 0, Errors: 0, Skipped: 1\n',
      err: '',
    });
  });
});
