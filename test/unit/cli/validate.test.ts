// `kubegate validate` end to end, in-process, on the manifests in fixtures/manifests.
import { readFileSync } from 'node:fs';
import { runCli } from '../../../src/cli/run-cli.js';
import { FIXTURES } from '../validate/helpers.js';
import { recordingIo } from '../validate/recording-io.js';

async function validate(args: string[], stdin?: string): Promise<{ status: number; out: string; err: string }> {
  const io = recordingIo(FIXTURES, stdin);
  const status = await runCli(['validate', ...args], io);
  return { status, out: io.out.join(''), err: io.err.join('') };
}

describe('kubegate validate', () => {
  test('valid files: exit 0, a summary counting resources and files', async () => {
    const run = await validate(['--summary', 'web-app.yaml', 'list.yaml', 'configmap.json']);
    expect(run).toEqual({ status: 0, out: 'Summary: 7 resources found in 3 files - Valid: 7, Invalid: 0, Errors: 0, Skipped: 0\n', err: '' });
  });

  test('folders are searched recursively for .yaml, .yml and .json in name order; exit 1 on problems', async () => {
    const run = await validate(['-summary', 'invalid']);
    expect(run.status).toBe(1);
    expect(run.out.split('\n').map((line) => line.replace(/ is invalid: .*| failed validation: .*/, ''))).toEqual([
      'invalid/bad-names.yaml - Service 9-front',
      'invalid/bad-names.yaml - Namespace team.a',
      'invalid/bad-names.yaml - Deployment Web_App',
      'invalid/bad-names.yaml - CronJob nightly-report-generator-for-the-finance-department-q',
      'invalid/bad-resources.yaml - Deployment worker',
      'invalid/duplicate-list-keys.yaml - Deployment api',
      'invalid/duplicate-list-keys.yaml - Service api',
      'invalid/malformed.yaml -',
      'invalid/unknown-field.yaml - Deployment shop',
      'invalid/yaml-booleans.yaml - ConfigMap flags',
      'Summary: 12 resources found in 7 files - Valid: 2, Invalid: 9, Errors: 1, Skipped: 0',
      '',
    ]);
    expect(run.out).toContain('invalid/malformed.yaml - failed validation: error unmarshalling resource: yaml: line 12: bad indentation of a mapping entry (column 2)\n');
  });

  test('uses CRDs found among the inputs, and CRDs given with --crds', async () => {
    expect((await validate(['crd'])).out).toContain("crd/crontabs.yaml - CronTab broken is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'CustomResourceDefinition crontabs.stable.example.com (v1)#'");
    const alone = await validate(['-verbose', 'crd/crontabs.yaml']);
    expect(alone.out).toContain('crd/crontabs.yaml - CronTab nightly failed validation: could not find schema for CronTab\n');
    const withCrds = await validate(['-verbose', '--crds', 'crd/crontab-crd.yaml', 'crd/crontabs.yaml']);
    expect(withCrds.out).toContain('crd/crontabs.yaml - CronTab nightly is valid\n');
  });

  test('reads stdin when no path is given, and says "parsing stdin"', async () => {
    const run = await validate(['-summary'], readFileSync(`${FIXTURES}list.yaml`, 'utf8'));
    expect(run).toEqual({ status: 0, out: 'Summary: 2 resources found parsing stdin - Valid: 2, Invalid: 0, Errors: 0, Skipped: 0\n', err: '' });
    const nothing = await validate(['-summary']);
    expect(nothing.status).toBe(1);
    expect(nothing.err).toBe('kubegate validate: no input: give files or folders to validate, or pipe manifests to stdin (see --help)\n');
  });

  test('--strict reports unknown fields and duplicate keys', async () => {
    const run = await validate(['--strict', 'invalid/duplicate-key.yaml', 'invalid/unknown-field.yaml']);
    expect(run.out).toBe(
      'invalid/duplicate-key.yaml - ConfigMap settings failed validation: error unmarshalling resource: line 8: key "mode" already set in map; remove one of the two (strict mode refuses duplicate keys)\n' +
        "invalid/unknown-field.yaml - Deployment shop is invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/master-standalone-strict/deployment-apps-v1.json#' - at '/spec/replicas': got string, want null or integer - at '/spec/template/spec/containers/0': additional properties 'imagePulPolicy' not allowed\n",
    );
  });

  test('--ignore-filename-pattern, --skip and --exit-on-error', async () => {
    expect((await validate(['-summary', '-ignore-filename-pattern', 'bad-|dup|malformed|unknown|yaml-bool', 'invalid'])).out).toBe(
      'Summary: 0 resource found in 0 file - Valid: 0, Invalid: 0, Errors: 0, Skipped: 0\n',
    );
    expect((await validate(['-summary', '-verbose', '-skip', 'Namespace,v1/ServiceAccount', 'list.yaml'])).out).toBe(
      'list.yaml - team-b Namespace skipped\nlist.yaml - deployer ServiceAccount skipped\nSummary: 2 resources found in 1 file - Valid: 0, Invalid: 0, Errors: 0, Skipped: 2\n',
    );
    const first = await validate(['--exit-on-error', '--summary', 'invalid']);
    expect(first.out.split('\n').filter((l) => l.startsWith('invalid/'))).toHaveLength(1);
  });

  test('documents that are not Kubernetes objects are errors, as in kubeconform', async () => {
    expect((await validate(['not-kubernetes.yaml'])).out).toBe(
      "not-kubernetes.yaml - failed validation: error while parsing: missing 'kind' key\n" +
        'not-kubernetes.yaml - failed validation: error unmarshalling resource: the document is a list, not a Kubernetes object\n',
    );
  });

  test('--help prints the usage on stdout; bad flags print it on stderr with exit 1', async () => {
    const help = await validate(['-h']);
    expect(help.status).toBe(0);
    expect(help.out.split('\n')[0]).toBe('Usage: kubegate validate [OPTION]... [FILE OR FOLDER]...');
    const bad = await validate(['--output', 'xml', 'list.yaml']);
    expect(bad).toEqual({ status: 1, out: '', err: "'outputFormat' must be 'json', 'junit', 'pretty', 'tap' or 'text'\n" });
    const unknown = await validate(['-xyz', 'list.yaml']);
    expect(unknown.status).toBe(1);
    expect(unknown.err.split('\n').slice(0, 2)).toEqual(['flag provided but not defined: -xyz', 'Usage: kubegate validate [OPTION]... [FILE OR FOLDER]...']);
  });
});
