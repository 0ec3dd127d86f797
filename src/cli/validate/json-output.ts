// kubeconform's --output json: problems (every resource with --verbose) and
// an optional summary, printed at the end the way Go's json.MarshalIndent
// does (two-space indent, <, > and & escaped).
import type { CliResult } from './cli-result.js';
import { Tally, type OutputOptions, type ValidateOutput } from './validate-output.js';

const STATUS: Readonly<Record<CliResult['status'], string>> = {
  valid: 'statusValid',
  invalid: 'statusInvalid',
  error: 'statusError',
  skipped: 'statusSkipped',
  empty: '',
};

interface JsonResource {
  filename: string;
  kind: string;
  name: string;
  version: string;
  status: string;
  msg: string;
  validationErrors?: Array<{ path: string; msg: string }>;
}

/** Go's encoding/json escapes HTML characters and the two Unicode line separators. */
export function goJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function toJson(result: CliResult): JsonResource {
  const resource: JsonResource = {
    filename: result.path,
    kind: result.signature.kind,
    name: result.signature.name,
    version: result.signature.version,
    status: STATUS[result.status],
    msg: result.msg ?? '',
  };
  if (result.validationErrors.length > 0) resource.validationErrors = result.validationErrors;
  return resource;
}

export function jsonOutput(options: OutputOptions): ValidateOutput {
  const tally = new Tally();
  const resources: JsonResource[] = [];
  return {
    write(result) {
      tally.count(result);
      const quiet = result.status === 'valid' || result.status === 'skipped' || result.status === 'empty';
      if (options.verbose || !quiet) resources.push(toJson(result));
    },
    flush() {
      const summary = { valid: tally.valid, invalid: tally.invalid, errors: tally.errors, skipped: tally.skipped };
      options.print(`${goJson(options.summary ? { resources, summary } : { resources })}\n`);
    },
  };
}
