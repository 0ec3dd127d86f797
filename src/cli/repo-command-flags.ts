// The flags `kubegate plan`, `drift` and `sync` share: refs of a local git
// repository, an optional cluster (--kubeconfig/--context) and the output
// format. Each command names its own ref flags (plan: --base/--head, drift
// and sync: --env/--ref), and may name its own output formats and on/off
// switches (sync: text|json, --dry-run); everything else is parsed and
// checked here once.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

export interface RepoCommandFlags<O extends string = 'markdown' | 'json'> {
  repo: string;
  output: O;
  kubeconfig?: string;
  context?: string;
}

/** A command's own string flag: required (placeholder shown in the message) or with a default. */
export type OwnFlag = { required: string } | { default: string };

/** A command's own --output formats (the first is the default) and boolean switches (false unless given). */
export interface ExtraFlags<O extends string, S extends string> {
  outputs?: readonly [O, ...O[]];
  switches?: readonly S[];
}

const DEFAULT_OUTPUTS = ['markdown', 'json'] as const;

export function parseRepoCommandFlags<K extends string, O extends string = (typeof DEFAULT_OUTPUTS)[number], S extends string = never>(
  args: string[],
  cwd: string,
  usage: string,
  own: Record<K, OwnFlag>,
  extra: ExtraFlags<O, S> = {},
): (RepoCommandFlags<O> & Record<K, string> & Record<S, boolean>) | 'help' {
  const outputs: readonly string[] = extra.outputs ?? DEFAULT_OUTPUTS;
  const switches: readonly string[] = extra.switches ?? [];
  const ownOptions = Object.fromEntries([
    ...Object.entries<OwnFlag>(own).map(([name, f]) => [name, 'default' in f ? { type: 'string', default: f.default } : { type: 'string' }]),
    ...switches.map((name) => [name, { type: 'boolean' }]),
  ]) as Record<string, { type: 'string'; default?: string } | { type: 'boolean' }>;
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
        output: { type: 'string', default: outputs[0] },
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
  if (output === undefined || !outputs.includes(output)) {
    throw new UsageError(`--output must be ${outputs.map((o) => `"${o}"`).join(' or ')}, not "${output}"`);
  }
  const kubeconfig = str('kubeconfig');
  const context = str('context');
  if (context && !kubeconfig) throw new UsageError(`--context needs --kubeconfig\n\n${usage}`);
  const switchValues = Object.fromEntries(switches.map((name) => [name, values[name] === true])) as Record<S, boolean>;
  return {
    ...(ownValues as Record<K, string>),
    ...switchValues,
    repo: resolve(cwd, str('repo') ?? '.'),
    output: output as O,
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(context ? { context } : {}),
  };
}
