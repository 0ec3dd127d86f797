// kubeconform's --output pretty: the text report with marks and colours.
import type { CliResult } from './cli-result.js';
import { summaryLine, Tally, type OutputOptions, type ValidateOutput } from './validate-output.js';

const RESET = '\u001b[0m';
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const YELLOW = '\u001b[33m';
const CHECK = '\u2714';
const CROSS = '\u2716';

function prettyLine(result: CliResult, verbose: boolean): string | undefined {
  const { path, signature: sig } = result;
  const msg = result.msg ?? '';
  switch (result.status) {
    case 'valid':
      return verbose ? `${GREEN}${CHECK}${RESET} ${path}: ${GREEN}${sig.kind} ${sig.name} is valid${RESET}\n` : undefined;
    case 'invalid':
      return `${RED}${CROSS}${RESET} ${path}: ${RED}${sig.kind} ${sig.name} is invalid: ${msg}${RESET}\n`;
    case 'error': {
      const what = sig.kind !== '' && sig.name !== '' ? `${sig.kind} failed validation: ${sig.name} ${msg}` : `failed validation: ${sig.name} ${msg}`;
      return `${RED}${CROSS}${RESET} ${path}: ${RED}${what}${RESET}\n`;
    }
    case 'skipped': {
      if (!verbose) return undefined;
      const what = sig.kind !== '' && sig.name !== '' ? `${sig.kind} ${sig.name} skipped` : sig.kind !== '' ? `${sig.kind} skipped` : 'skipped';
      return `${YELLOW}-${RESET} ${path}: ${YELLOW}${what}${RESET}\n`;
    }
    case 'empty':
      return undefined;
  }
}

export function prettyOutput(options: OutputOptions): ValidateOutput {
  const tally = new Tally();
  return {
    write(result) {
      tally.count(result);
      const line = prettyLine(result, options.verbose);
      if (line !== undefined) options.print(line);
    },
    flush() {
      if (options.summary) options.print(summaryLine(tally, options.stdin));
    },
  };
}
