// kubeconform's --output tap (TAP version 13): one test point per document,
// errors without the resource's name, skipped resources with a "# skip" directive.
import { qualifiedName, type CliResult } from './cli-result.js';
import type { OutputOptions, ValidateOutput } from './validate-output.js';

function tapLine(index: number, result: CliResult): string {
  const name = qualifiedName(result.signature);
  switch (result.status) {
    case 'valid':
      return `ok ${index} - ${result.path} (${name})\n`;
    case 'invalid':
      return `not ok ${index} - ${result.path} (${name}): ${result.msg ?? ''}\n`;
    case 'error':
      return `not ok ${index} - ${result.path}: ${result.msg ?? ''}\n`;
    case 'empty':
      return `ok ${index} - ${result.path} (empty)\n`;
    case 'skipped':
      return `ok ${index} - ${result.path} (${name}) # skip\n`;
  }
}

/** The header comes with the first result, so that a run without any prints only "1..0". */
export function tapOutput(options: OutputOptions): ValidateOutput {
  let index = 0;
  return {
    write(result) {
      index++;
      if (index === 1) options.print('TAP version 13\n');
      options.print(tapLine(index, result));
    },
    flush() {
      options.print(`1..${index}\n`);
    },
  };
}
