// `kubegate policy` flags, validated once.
import { UsageError } from '../../cli/io.js';

export type OutputFormat = 'text' | 'json' | 'junit' | 'sarif';

export interface PolicyArgs {
  policyDirs: string[];
  builtin: boolean;
  output: OutputFormat;
  kubernetesVersion?: string;
  paths: string[];
  help: boolean;
}

export const POLICY_USAGE = `Usage: kubegate policy [options] PATH...

Evaluates CEL policies (ValidatingAdmissionPolicy + binding) against Kubernetes
manifests. PATH is a file, a directory (searched recursively for .yaml, .yml
and .json) or - for standard input.

Options:
  --policies DIR            also load the policies in DIR (repeatable)
  --no-builtin              do not load kubegate's built-in policy pack
  -o, --output FORMAT       text (default), json, junit or sarif
  --kubernetes-version V    target Kubernetes version, e.g. 1.33 (default 1.33)
  -h, --help                show this help

Exit status: 0 no Deny findings, 1 a Deny finding, 2 an error (bad flags,
unreadable manifests, policies that do not load).
`;

const FORMATS = new Set(['text', 'json', 'junit', 'sarif']);

function valueOf(args: string[], i: number, flag: string): string {
  const value = args[i + 1];
  if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parsePolicyArgs(args: string[]): PolicyArgs {
  const parsed: PolicyArgs = { policyDirs: [], builtin: true, output: 'text', paths: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = (): string => inline ?? valueOf(args, i++, flag);
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (flag === '--no-builtin') parsed.builtin = false;
    else if (flag === '--policies') parsed.policyDirs.push(take());
    else if (flag === '--kubernetes-version') parsed.kubernetesVersion = take();
    else if (flag === '-o' || flag === '--output') {
      const format = take();
      if (!FORMATS.has(format)) throw new UsageError(`--output must be text, json, junit or sarif, got "${format}"`);
      parsed.output = format as OutputFormat;
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}; run kubegate policy --help`);
    else parsed.paths.push(arg);
  }
  if (!parsed.help && parsed.paths.length === 0) throw new UsageError('name at least one manifest file, directory or - (standard input)');
  if (parsed.kubernetesVersion !== undefined && !/^v?\d+\.\d+(\.\d+)?$/.test(parsed.kubernetesVersion)) {
    throw new UsageError(`--kubernetes-version must look like 1.33 or v1.33.13, got "${parsed.kubernetesVersion}"`);
  }
  return parsed;
}
