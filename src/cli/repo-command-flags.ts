// The flags `kubegate plan` and `kubegate drift` share: refs of a local git
// repository, an optional cluster (--kubeconfig/--context) and the output
// format. Each command names its own ref flags (plan: --base/--head, drift:
// --env/--ref); everything else is parsed and checked here once.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

export interface RepoCommandFlags {
  repo: string;
  output: 'markdown' | 'json';
  kubeconfig?: string;
  context?: string;
}

/** A command's own string flag: required (placeholder shown in the message) or with a default. */
export type OwnFlag = { required: string } | { default: string };

export function parseRepoCommandFlags<K extends string>(
  args: string[],
  cwd: string,
  usage: string,
  own: Record<K, OwnFlag>,
): (RepoCommandFlags & Record<K, string>) | 'help' {
  const ownOptions = Object.fromEntries(
    Object.entries<OwnFlag>(own).map(([name, f]) => [name, 'default' in f ? { type: 'string', default: f.default } : { type: 'string' }]),
  ) as Record<string, { type: 'string'; default?: string }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...ownOptions,
        repo: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        output: { type: 'string', default: 'markdown' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err: unknown) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
  if (values.help) return 'help';
  const ownValues: Record<string, string> = {};
  for (const [name, f] of Object.entries<OwnFlag>(own)) {
    const value = values[name];
    if (typeof value !== 'string' || value === '') {
      throw new UsageError(`--${name} ${'required' in f ? f.required : 'VALUE'} is required\n\n${usage}`);
    }
    ownValues[name] = value;
  }
  const str = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const output = str('output');
  if (output !== 'markdown' && output !== 'json') {
    throw new UsageError(`--output must be "markdown" or "json", not "${output}"`);
  }
  const kubeconfig = str('kubeconfig');
  const context = str('context');
  if (context && !kubeconfig) throw new UsageError(`--context needs --kubeconfig\n\n${usage}`);
  return {
    ...(ownValues as Record<K, string>),
    repo: resolve(cwd, str('repo') ?? '.'),
    output,
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(context ? { context } : {}),
  };
}
