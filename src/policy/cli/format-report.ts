import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import type { OutputFormat } from './policy-args.js';
import type { PolicyReport } from './summarize.js';

const FORMATTERS: Record<OutputFormat, (report: PolicyReport) => string> = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  sarif: formatSarif,
};

export function formatReport(format: OutputFormat, report: PolicyReport): string {
  return FORMATTERS[format](report);
}
