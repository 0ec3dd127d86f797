// The options of `kubegate validate`: kubeconform's names, so that scripts
// written for kubeconform keep working. One table drives parsing and --help.

export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  multiple?: boolean;
  short?: string;
  /** The kind of value, as Go's flag package names it in the usage ("string", "int", "value"). */
  value?: string;
  /** The default, as Go prints it: (default "text"), (default 4). */
  defaultValue?: string;
  help: string;
}

export const VALIDATE_OPTIONS: readonly OptionSpec[] = [
  { name: 'cache', type: 'string', value: 'string', help: 'cache schemas downloaded via HTTP to this folder (kubeconform cache layout)' },
  { name: 'crds', type: 'string', multiple: true, value: 'value', help: 'CustomResourceDefinitions (file or folder) whose schemas validate their custom resources; CRDs among the inputs are used too (can be specified multiple times)' },
  { name: 'debug', type: 'boolean', help: 'print the schema locations used (stderr)' },
  { name: 'exit-on-error', type: 'boolean', help: 'immediately stop execution when the first error is encountered' },
  { name: 'help', type: 'boolean', short: 'h', help: 'show help information' },
  { name: 'ignore-filename-pattern', type: 'string', multiple: true, value: 'value', help: 'regular expression specifying paths to ignore (can be specified multiple times)' },
  { name: 'ignore-missing-schemas', type: 'boolean', help: 'skip files with missing schemas instead of failing' },
  { name: 'insecure-skip-tls-verify', type: 'boolean', help: 'accepted for kubeconform compatibility; kubegate always verifies certificates' },
  { name: 'kubernetes-version', type: 'string', value: 'value', defaultValue: 'master', help: 'version of Kubernetes to validate against, e.g.: 1.18.0 (built-in schemas of the nearest version are used when the package lacks it)' },
  { name: 'n', type: 'string', value: 'int', defaultValue: '4', help: 'number of goroutines to run concurrently (accepted for kubeconform compatibility; kubegate validates on one thread)' },
  { name: 'output', type: 'string', value: 'string', defaultValue: '"text"', help: 'output format - json, junit, pretty, tap, text' },
  { name: 'reject', type: 'string', value: 'string', help: 'comma-separated list of kinds or GVKs to reject' },
  { name: 'schema-location', type: 'string', multiple: true, value: 'value', help: 'override schemas location search path (can be specified multiple times); "default" is the schemas built into kubegate' },
  { name: 'skip', type: 'string', value: 'string', help: 'comma-separated list of kinds or GVKs to ignore' },
  { name: 'strict', type: 'boolean', help: 'disallow additional properties not in schema or duplicated keys' },
  { name: 'summary', type: 'boolean', help: 'print a summary at the end (ignored for junit output)' },
  { name: 'verbose', type: 'boolean', help: 'print results for all resources (ignored for tap and junit output)' },
  { name: 'version', type: 'boolean', short: 'v', help: 'show version information' },
];

export const VALIDATE_USAGE_LINE = 'Usage: kubegate validate [OPTION]... [FILE OR FOLDER]...';

/** One option the way Go's flag.PrintDefaults lays it out (kubeconform's -h). */
function optionUsage(option: OptionSpec): string {
  const head = `  -${option.short ?? option.name}${option.value ? ` ${option.value}` : ''}`;
  const help = `${option.help}${option.defaultValue ? ` (default ${option.defaultValue})` : ''}`;
  return head.length <= 4 ? `${head}\t${help}` : `${head}\n    \t${help}`;
}

export function validateUsage(): string {
  const options = [...VALIDATE_OPTIONS].sort((a, b) => (a.short ?? a.name).localeCompare(b.short ?? b.name));
  const lines = [
    VALIDATE_USAGE_LINE,
    ...options.map(optionUsage),
    '',
    'Validates Kubernetes manifests (YAML or JSON files, folders searched recursively for',
    '.yaml, .yml and .json, or "-" for stdin; stdin when no path is given) against JSON',
    'schemas, and checks what the API server would refuse. Options are kubeconform\'s, written',
    '-name or --name, with their value as -name value or -name=value (--help and --version too).',
    'Exit status: 0 when every resource is valid or skipped, 1 otherwise (and for bad options).',
  ];
  return `${lines.join('\n')}\n`;
}
