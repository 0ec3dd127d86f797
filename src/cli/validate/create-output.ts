import { jsonOutput } from './json-output.js';
import { junitOutput } from './junit-output.js';
import { prettyOutput } from './pretty-output.js';
import { tapOutput } from './tap-output.js';
import { textOutput } from './text-output.js';
import type { OutputOptions, ValidateOutput } from './validate-output.js';

export const OUTPUT_FORMATS = {
  json: jsonOutput,
  junit: junitOutput,
  pretty: prettyOutput,
  tap: tapOutput,
  text: textOutput,
} as const;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(OUTPUT_FORMATS, name);
}

export function createOutput(format: OutputFormat, options: OutputOptions): ValidateOutput {
  return OUTPUT_FORMATS[format](options);
}
