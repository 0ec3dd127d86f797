// `kubegate policy` end to end through the CLI dispatcher, with a fake io.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run-cli.js';
import type { CliIo } from '../../../src/cli/io.js';
import { FIXTURE_DIR } from './helpers/manifests.js';
import { policyYaml } from './helpers/policies.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kubegate(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => stdin, cwd: FIXTURE_DIR, env: {} };
  const code = await runCli(['policy', ...args], io);
  return { code, stdout, stderr };
}

describe('kubegate policy', () => {
  it('exits 1 on a Deny finding and prints file:line findings', async () => {
    const run = await kubegate(['kubegate-disallow-plain-secrets/violating.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('kubegate-disallow-plain-secrets/violating.yaml:7: Deny kubegate-disallow-plain-secrets (Secret default/db): Secret db commits');
    expect(run.stdout).toMatch(/2 deny, 0 warn, 0 audit \(\d+ policies, 2 objects\)/);
  });

  it('exits 0 with warnings only, reading directories recursively', async () => {
    const run = await kubegate(['kubegate-warn-host-path']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 deny, 1 warn/);
  });

  it('writes the documented JSON', async () => {
    const run = await kubegate(['--output', 'json', 'kubegate-disallow-plain-secrets/violating.yaml']);
    const json = JSON.parse(run.stdout) as { findings: unknown[]; summary: unknown };
    expect(json.findings[0]).toEqual({
      policy: 'kubegate-disallow-plain-secrets',
      action: 'Deny',
      file: 'kubegate-disallow-plain-secrets/violating.yaml',
      line: 7,
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'default',
      name: 'db',
      message: expect.stringContaining('SealedSecrets'),
    });
    expect(json.summary).toEqual({ deny: 2, warn: 0, audit: 0, objects: 2, policies: expect.any(Number) });
  });

  it('writes SARIF 2.1.0 with rules and located results', async () => {
    const run = await kubegate(['-o', 'sarif', 'kubegate-disallow-plain-secrets/violating.yaml']);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [runOut] = sarif.runs;
    const rule = runOut?.tool.driver.rules[runOut.results[0]?.ruleIndex ?? -1];
    expect(rule?.id).toBe('kubegate-disallow-plain-secrets');
    expect(runOut?.results[0]).toMatchObject({ ruleId: 'kubegate-disallow-plain-secrets', level: 'error', locations: [{ physicalLocation: { region: { startLine: 7 } } }] });
  });

  it('writes JUnit XML with a failing case per denied object', async () => {
    const run = await kubegate(['-o', 'junit', 'kubegate-disallow-plain-secrets']);
    expect(run.stdout).toContain('<testsuites name="kubegate policy" tests="4" failures="2" errors="0">');
    expect(run.stdout).toContain('<testcase name="Secret db" classname="kubegate-disallow-plain-secrets/violating.yaml">');
    expect(run.stdout).toContain('<testcase name="ConfigMap web" classname="kubegate-disallow-plain-secrets/passing.yaml"/>');
  });

  it('reads standard input, and loads only the given policies with --no-builtin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-policies-'));
    const spec = '  matchConstraints:\n    resourceRules: [{apiGroups: [""], apiVersions: [v1], resources: [configmaps], operations: [CREATE]}]\n  validations:\n    - {expression: "has(object.data)", message: a ConfigMap needs data}';
    writeFileSync(join(dir, 'own.yaml'), policyYaml({ name: 'own', spec }));
    const run = await kubegate(['--no-builtin', '--policies', dir, '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: empty}\n');
    expect(run).toMatchObject({ code: 1, stdout: expect.stringContaining('<stdin>:1: Deny own (ConfigMap default/empty): a ConfigMap needs data') });
  });

  it('never prints a Secret value that a messageExpression quotes, in any format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-policies-'));
    const spec = [
      '  matchConstraints:',
      '    resourceRules: [{apiGroups: [""], apiVersions: [v1], resources: [secrets], operations: [CREATE]}]',
      '  validations:',
      '    - expression: "false"',
      `      messageExpression: "'weak password ' + object.data.password + ' and token ' + object.stringData.token + '; rotate them'"`,
    ].join('\n');
    writeFileSync(join(dir, 'leaky.yaml'), policyYaml({ name: 'leaky', spec }));
    const secret = `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: ${Buffer.from('hunter2-hunter2').toString('base64')}}\nstringData: {token: "tok-'quoted'-9"}\n`;
    for (const format of ['text', 'json', 'junit', 'sarif']) {
      const run = await kubegate(['--no-builtin', '--policies', dir, '-o', format, '-'], secret);
      expect({ format, code: run.code }).toEqual({ format, code: 1 });
      expect(run.stdout).toMatch(/weak password \*\*\* and token \*\*\*; rotate them/);
      expect(run.stdout + run.stderr).not.toMatch(/aHVudGVyMi1odW50ZXIy|hunter2|tok-/);
    }
  });

  it('exits 2 when a policy does not load, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-policies-'));
    writeFileSync(join(dir, 'bad.yaml'), policyYaml({ name: 'bad', spec: '  matchConstraints:\n    resourceRules: [{apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*"]}]\n  validations:\n    - expression: "object.("' }));
    const run = await kubegate(['--no-builtin', '--policies', dir, 'kubegate-warn-host-path']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:9: ValidatingAdmissionPolicy "bad": spec\.validations\[0\]\.expression: syntax error/);
  });

  it('exits 2 on bad flags and missing paths, 0 with --help', async () => {
    expect((await kubegate(['--output', 'xml', 'x.yaml'])).code).toBe(2);
    expect((await kubegate(['--frobnicate', 'x.yaml'])).stderr).toMatch(/unknown option --frobnicate/);
    expect((await kubegate([])).code).toBe(2);
    expect((await kubegate(['does-not-exist.yaml'])).stderr).toMatch(/cannot read does-not-exist\.yaml: no such file or directory/);
    expect(await kubegate(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: kubegate policy') });
  });

  it('uses the target Kubernetes version for version-aware policies', async () => {
    const file = 'kubegate-removed-api-versions/violating.yaml';
    const old = JSON.parse((await kubegate(['-o', 'json', '--kubernetes-version', '1.21', file])).stdout) as { findings: Array<{ policy: string; name: string }> };
    const current = JSON.parse((await kubegate(['-o', 'json', '--kubernetes-version', 'v1.33.13', file])).stdout) as { findings: Array<{ policy: string; name: string }> };
    const removed = (f: { findings: Array<{ policy: string; name: string }> }): string[] => f.findings.filter((x) => x.policy === 'kubegate-removed-api-versions').map((x) => x.name);
    expect(removed(old)).toEqual(['web']);
    expect(removed(current)).toEqual(['old', 'web', 'web']);
  });
});
