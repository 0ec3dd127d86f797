// kubeconform's --output tap (TAP version 13): one test point per document.
import { qualifiedName, type CliResult } from './cli-result.js';
import type { OutputOptions, ValidateOutput } from './validate-output.js';

function tapLine(index: number, result: CliResult): string {
  const name = qualifiedName(result.signature);
  switch (result.status) {
    case 'valid':
      return `ok ${index} - ${result.path} (${name})\n`;
    case 'invalid':
    case 'error':
      return `not ok ${index} - ${result.path} (${name}): ${result.msg ?? ''}\n`;
    case 'empty':
      return `ok ${index} - ${result.path} (empty)\n`;
    case 'skipped':
      return `ok ${index} #skip - ${result.path} (${name})\n`;
  }
}

export function tapOutput(options: OutputOptions): ValidateOutput {
  let index = 0;
  options.print('TAP version 13\n');
  return {
    write(result) {
      index++;
      options.print(tapLine(index, result));
    },
    flush() {
      options.print(`1..${index}\n`);
    },
  };
}
