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
