// Command-line arguments of `kubegate validate`. kubeconform's spellings
// (-strict, -output=json, -strict=false) are rewritten to the double-dash
// form before node:util parseArgs reads them, and errors use the wording of
// Go's flag package, which kubeconform users and scripts know.
import { parseArgs } from 'node:util';
import { isOutputFormat, type OutputFormat } from './create-output.js';
import { VALIDATE_OPTIONS, type OptionSpec } from './validate-options.js';

export interface ValidateArgs {
  paths: string[];
  strict: boolean;
  summary: boolean;
  verbose: boolean;
  debug: boolean;
  exitOnError: boolean;
  ignoreMissingSchemas: boolean;
  output: OutputFormat;
  kubernetesVersion: string;
  schemaLocations: string[];
  skip: string[];
  reject: string[];
  crds: string[];
  ignoreFilenamePatterns: RegExp[];
  cache?: string;
  /** Accepted for kubeconform compatibility; kubegate always verifies certificates. */
  insecureSkipTlsVerify: boolean;
}

export type ParsedArgs = { command: 'run'; args: ValidateArgs } | { command: 'help' } | { command: 'version' };

/** A bad option; exit status 1 and, unless `withUsage` is false, the usage (as kubeconform). */
export class ValidateUsageError extends Error {
  override name = 'ValidateUsageError';

  constructor(
    message: string,
    readonly withUsage = true,
  ) {
    super(message);
  }
}

const BY_NAME = new Map<string, OptionSpec>();
for (const option of VALIDATE_OPTIONS) {
  BY_NAME.set(option.name, option);
  if (option.short) BY_NAME.set(option.short, option);
}

/** Go's strconv.ParseBool. */
function goBool(value: string, flag: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new ValidateUsageError(`invalid boolean value "${value}" for -${flag}: parse error`);
}

interface Normalized {
  tokens: string[];
  falseFlags: Set<string>;
}

/** Rewrites kubeconform-style arguments into `--name` / `--name=value` tokens. */
function normalize(argv: readonly string[]): Normalized {
  const tokens: string[] = [];
  const falseFlags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      tokens.push(...argv.slice(i));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      tokens.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    if (body === '' || body.startsWith('-') || body.startsWith('=')) throw new ValidateUsageError(`bad flag syntax: ${arg}`);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const option = BY_NAME.get(name);
    if (!option) throw new ValidateUsageError(`flag provided but not defined: -${name}`);
    if (option.type === 'boolean') {
      const on = eq === -1 ? true : goBool(body.slice(eq + 1), name);
      if (on) {
        tokens.push(`--${option.name}`);
        falseFlags.delete(option.name);
      } else falseFlags.add(option.name);
      continue;
    }
    const value = eq === -1 ? argv[++i] : body.slice(eq + 1);
    if (value === undefined) throw new ValidateUsageError(`flag needs an argument: -${name}`);
    tokens.push(`--${option.name}=${value}`);
  }
  return { tokens, falseFlags };
}

function list(values: unknown): string[] {
  return Array.isArray(values) ? values.map(String) : [];
}

/** -skip and -reject are single Go string flags: the last one given wins, and it is a comma-separated list. */
function csv(value: unknown): string[] {
  return (typeof value === 'string' ? value : '').split(',').filter((kind) => kind !== '');
}

function regexps(values: unknown): RegExp[] {
  return list(values).map((pattern) => {
    try {
      return new RegExp(pattern);
    } catch (err: unknown) {
      throw new ValidateUsageError(`invalid value "${pattern}" for flag -ignore-filename-pattern: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function kubernetesVersion(value: unknown): string {
  const version = typeof value === 'string' ? value : 'master';
  if (!/^(master|\d+\.\d+\.\d+)$/.test(version)) {
    throw new ValidateUsageError(
      `invalid value "${version}" for flag -kubernetes-version: ${version} is not a valid version. Valid values are "master" (default) or full version x.y.z (e.g. "1.27.2")`,
    );
  }
  return version;
}

function output(value: unknown): OutputFormat {
  const format = typeof value === 'string' ? value : 'text';
  if (!isOutputFormat(format)) throw new ValidateUsageError("'outputFormat' must be 'json', 'junit', 'pretty', 'tap' or 'text'", false);
  return format;
}

/** Go's strconv.ParseInt(value, 0, 64): decimal, or 0x / 0o / 0b prefixed, with _ between digits. */
function workers(value: unknown): void {
  if (typeof value === 'string' && !/^[+-]?(\d+(_\d+)*|0[xX](_?[0-9a-fA-F])+|0[oO]?(_?[0-7])+|0[bB](_?[01])+)$/.test(value)) {
    throw new ValidateUsageError(`invalid value "${value}" for flag -n: parse error`);
  }
}

export function parseValidateArgs(argv: readonly string[]): ParsedArgs {
  const { tokens, falseFlags } = normalize(argv);
  const options = Object.fromEntries(
    VALIDATE_OPTIONS.map((o) => [o.name, { type: o.type, ...(o.multiple ? { multiple: true } : {}) }]),
  ) as Record<string, { type: 'boolean' | 'string'; multiple?: boolean }>;
  const { values, positionals } = parseArgs({ args: tokens, options, allowPositionals: true, strict: true });
  const flag = (name: string): boolean => values[name] === true && !falseFlags.has(name);
  if (flag('help')) return { command: 'help' };
  if (flag('version')) return { command: 'version' };
  workers(values['n']);
  const cache = values['cache'];
  return {
    command: 'run',
    args: {
      paths: positionals,
      strict: flag('strict'),
      summary: flag('summary'),
      verbose: flag('verbose'),
      debug: flag('debug'),
      exitOnError: flag('exit-on-error'),
      ignoreMissingSchemas: flag('ignore-missing-schemas'),
      output: output(values['output']),
      kubernetesVersion: kubernetesVersion(values['kubernetes-version']),
      schemaLocations: list(values['schema-location']),
      skip: csv(values['skip']),
      reject: csv(values['reject']),
      crds: list(values['crds']),
      ignoreFilenamePatterns: regexps(values['ignore-filename-pattern']),
      insecureSkipTlsVerify: flag('insecure-skip-tls-verify'),
      ...(typeof cache === 'string' ? { cache } : {}),
    },
  };
}
