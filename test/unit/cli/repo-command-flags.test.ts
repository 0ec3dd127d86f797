import { UsageError } from '../../../src/cli/io.js';
import { parseRepoCommandFlags } from '../../../src/cli/repo-command-flags.js';

const own = { env: { required: 'NAME' }, ref: { default: 'HEAD' } } as const;
const parse = (args: string[]) => parseRepoCommandFlags(args, '/work/repo', 'USAGE', own);

describe('parseRepoCommandFlags', () => {
  it('fills defaults and resolves --repo against the working directory', () => {
    expect(parse(['--env', 'prod', '--repo', 'sub'])).toEqual({ env: 'prod', ref: 'HEAD', repo: '/work/repo/sub', output: 'markdown' });
  });

  it('names a missing required flag with its placeholder', () => {
    expect(() => parse([])).toThrow(new UsageError('--env NAME is required\n\nUSAGE'));
  });

  it('refuses an unknown output format and --context without --kubeconfig', () => {
    expect(() => parse(['--env', 'x', '--output', 'yaml'])).toThrow('--output must be "markdown" or "json", not "yaml"');
    expect(() => parse(['--env', 'x', '--context', 'c'])).toThrow('--context needs --kubeconfig');
  });

  it('returns help and refuses unknown flags with the usage', () => {
    expect(parse(['-h'])).toBe('help');
    expect(() => parse(['--nope'])).toThrow(/USAGE/);
  });
});

describe('parseRepoCommandFlags with its own outputs and switches', () => {
  const parseSync = (args: string[]) => parseRepoCommandFlags(args, '/work/repo', 'USAGE', own, { outputs: ['text', 'json'], switches: ['dry-run'] });

  it('defaults to the first output and reads switches as false unless given', () => {
    expect(parseSync(['--env', 'prod'])).toEqual({ env: 'prod', ref: 'HEAD', repo: '/work/repo', output: 'text', 'dry-run': false });
    expect(parseSync(['--env', 'prod', '--dry-run', '--output', 'json'])).toMatchObject({ output: 'json', 'dry-run': true });
  });

  it('names the command\'s own formats when the output is unknown', () => {
    expect(() => parseSync(['--env', 'x', '--output', 'markdown'])).toThrow('--output must be "text" or "json", not "markdown"');
  });
});
