import { parseValidateArgs, ValidateUsageError, type ParsedArgs } from '../../../src/cli/validate/parse-validate-args.js';

function args(argv: string[]): Extract<ParsedArgs, { command: 'run' }>['args'] {
  const parsed = parseValidateArgs(argv);
  if (parsed.command !== 'run') throw new Error(`expected a run, got ${parsed.command}`);
  return parsed.args;
}

describe('parseValidateArgs', () => {
  test("accepts kubeconform's single-dash spellings and Go boolean values", () => {
    const parsed = args(['-strict', '-summary=true', '-verbose=false', '-output=json', '-schema-location', 'default', '--schema-location=x/{{ .ResourceKind }}.json', '-n', '8', 'a.yaml', '-']);
    expect(parsed).toMatchObject({
      strict: true,
      summary: true,
      verbose: false,
      output: 'json',
      schemaLocations: ['default', 'x/{{ .ResourceKind }}.json'],
      paths: ['a.yaml', '-'],
    });
  });

  test('a later -flag=false turns an earlier flag off', () => {
    expect(args(['-strict', '-strict=false']).strict).toBe(false);
  });

  test('-skip takes a comma list; repeated, the last one wins (a Go string flag)', () => {
    expect(args(['-skip', 'Secret,v1/ConfigMap', '-reject', 'Pod']).skip).toEqual(['Secret', 'v1/ConfigMap']);
    expect(args(['-skip', 'Secret,v1/ConfigMap', '--skip', 'Job']).skip).toEqual(['Job']);
  });

  test('option values may start with a dash', () => {
    expect(args(['-ignore-filename-pattern', '-test\\.yaml$']).ignoreFilenamePatterns.map(String)).toEqual(['/-test\\.yaml$/']);
  });

  test('help and version', () => {
    expect(parseValidateArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseValidateArgs(['-v'])).toEqual({ command: 'version' });
  });

  test.each([
    [['-xyz'], 'flag provided but not defined: -xyz'],
    [['--output'], 'flag needs an argument: -output'],
    [['-strict=maybe'], 'invalid boolean value "maybe" for -strict: parse error'],
    [['-n', 'four'], 'invalid value "four" for flag -n: parse error'],
    [['-kubernetes-version', '1.25'], 'invalid value "1.25" for flag -kubernetes-version: 1.25 is not a valid version. Valid values are "master" (default) or full version x.y.z (e.g. "1.27.2")'],
    [['-ignore-filename-pattern', '(unclosed'], /^invalid value "\(unclosed" for flag -ignore-filename-pattern: /],
  ])('%j is refused with Go flag wording', (argv, message) => {
    expect(() => parseValidateArgs(argv)).toThrow(ValidateUsageError);
    expect(() => parseValidateArgs(argv)).toThrow(message);
  });
});
