// The options of `kubegate validate`: kubeconform's names, so that scripts
// written for kubeconform keep working. One table drives parsing and --help.

export interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  multiple?: boolean;
  short?: string;
  value?: string;
  help: string;
}

export const VALIDATE_OPTIONS: readonly OptionSpec[] = [
  { name: 'cache', type: 'string', value: 'DIR', help: 'cache schemas downloaded via HTTP to this folder (kubeconform cache layout)' },
  { name: 'crds', type: 'string', multiple: true, value: 'PATH', help: 'CustomResourceDefinitions (file or folder) whose schemas validate their custom resources; CRDs among the inputs are used too (repeatable)' },
  { name: 'debug', type: 'boolean', help: 'print where each schema was looked for (stderr)' },
  { name: 'exit-on-error', type: 'boolean', help: 'stop at the first invalid resource or error' },
  { name: 'help', type: 'boolean', short: 'h', help: 'show this help' },
  { name: 'ignore-filename-pattern', type: 'string', multiple: true, value: 'REGEXP', help: 'regular expression of paths to ignore (repeatable)' },
  { name: 'ignore-missing-schemas', type: 'boolean', help: 'skip resources whose schema cannot be found instead of failing' },
  { name: 'insecure-skip-tls-verify', type: 'boolean', help: 'accepted for kubeconform compatibility; certificates are always verified' },
  { name: 'kubernetes-version', type: 'string', value: 'VERSION', help: 'Kubernetes version to validate against: "master" (default) or x.y.z; built-in schemas of another version are used when the package lacks it' },
  { name: 'n', type: 'string', short: 'n', value: 'N', help: 'accepted for kubeconform compatibility (number of workers); ignored' },
  { name: 'output', type: 'string', value: 'FORMAT', help: 'output format: text (default), json, junit, pretty or tap' },
  { name: 'reject', type: 'string', multiple: true, value: 'KINDS', help: 'comma-separated kinds or apiVersion/kinds to reject (e.g. Secret,v1/ConfigMap)' },
  { name: 'schema-location', type: 'string', multiple: true, value: 'LOCATION', help: 'schema location: "default" (built-in), a folder, or a file/URL template with {{ .ResourceKind }}, {{ .KindSuffix }}, ... (repeatable, tried in order)' },
  { name: 'skip', type: 'string', multiple: true, value: 'KINDS', help: 'comma-separated kinds or apiVersion/kinds to skip (e.g. Secret,apps/v1/Deployment)' },
  { name: 'strict', type: 'boolean', help: 'reject unknown fields and duplicate keys' },
  { name: 'summary', type: 'boolean', help: 'print a summary at the end (not with junit output)' },
  { name: 'verbose', type: 'boolean', help: 'print a line for every resource, valid or skipped too (not with tap or junit output)' },
  { name: 'version', type: 'boolean', short: 'v', help: 'print the kubegate version' },
];

export const VALIDATE_USAGE_LINE = 'Usage: kubegate validate [OPTION]... [FILE OR FOLDER]...';

export function validateUsage(): string {
  const lines = [
    VALIDATE_USAGE_LINE,
    '',
    'Validates Kubernetes manifests (YAML or JSON files, folders searched recursively for',
    '.yaml, .yml and .json, or "-" for stdin; stdin when no path is given) against JSON',
    'schemas, and checks what the API server would refuse. Options may also be written with',
    'one dash, as kubeconform does (-summary, -output json).',
    '',
    'Options:',
  ];
  for (const option of VALIDATE_OPTIONS) {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` ${option.value}` : ''}`;
    lines.push(`  ${flag.padEnd(36)} ${option.help}`);
  }
  lines.push('', 'Exit status: 0 when every resource is valid or skipped, 1 otherwise (and for bad options).');
  return `${lines.join('\n')}\n`;
}
