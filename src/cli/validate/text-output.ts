// kubeconform's default output: a line per problem (per resource with
// --verbose) as soon as it is known, and an optional summary line.
import type { CliResult } from './cli-result.js';
import { summaryLine, Tally, type OutputOptions, type ValidateOutput } from './validate-output.js';

export function textLine(result: CliResult, verbose: boolean): string | undefined {
  const { path, signature: sig, msg } = result;
  switch (result.status) {
    case 'valid':
      return verbose ? `${path} - ${sig.kind} ${sig.name} is valid\n` : undefined;
    case 'invalid':
      return `${path} - ${sig.kind} ${sig.name} is invalid: ${msg ?? ''}\n`;
    case 'error':
      return sig.kind !== '' && sig.name !== ''
        ? `${path} - ${sig.kind} ${sig.name} failed validation: ${msg ?? ''}\n`
        : `${path} - failed validation: ${msg ?? ''}\n`;
    case 'skipped':
      return verbose ? `${path} - ${sig.name} ${sig.kind} skipped\n` : undefined;
    case 'empty':
      return undefined;
  }
}

export function textOutput(options: OutputOptions): ValidateOutput {
  const tally = new Tally();
  return {
    write(result) {
      tally.count(result);
      const line = textLine(result, options.verbose);
      if (line !== undefined) options.print(line);
    },
    flush() {
      if (options.summary) options.print(summaryLine(tally, options.stdin));
    },
  };
}
