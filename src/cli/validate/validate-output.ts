// What every output format shares: the counters and the set of files seen.
import type { CliResult } from './cli-result.js';

export interface ValidateOutput {
  write(result: CliResult): void;
  flush(): void;
}

export interface OutputOptions {
  summary: boolean;
  verbose: boolean;
  /** The input is stdin (summaries say "parsing stdin"). */
  stdin: boolean;
  print: (text: string) => void;
}

export class Tally {
  valid = 0;
  invalid = 0;
  errors = 0;
  skipped = 0;
  readonly files = new Set<string>();

  count(result: CliResult): void {
    this.files.add(result.path);
    if (result.status === 'valid') this.valid++;
    else if (result.status === 'invalid') this.invalid++;
    else if (result.status === 'error') this.errors++;
    else if (result.status === 'skipped') this.skipped++;
  }

  get resources(): number {
    return this.valid + this.invalid + this.errors + this.skipped;
  }
}

/** "Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0" */
export function summaryLine(tally: Tally, stdin: boolean): string {
  const resources = `${tally.resources} resource${tally.resources > 1 ? 's' : ''}`;
  const where = stdin ? 'parsing stdin' : `in ${tally.files.size} file${tally.files.size > 1 ? 's' : ''}`;
  return `Summary: ${resources} found ${where} - Valid: ${tally.valid}, Invalid: ${tally.invalid}, Errors: ${tally.errors}, Skipped: ${tally.skipped}\n`;
}
