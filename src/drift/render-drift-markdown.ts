// The drift report as Markdown: the check run's summary and text, and the
// CLI's output. Values are JSON; Secret values arrive masked.
import type { DriftedField, DriftedObject, DriftReport } from './types.js';

function objectLabel(o: DriftedObject): string {
  return `${o.ref.kind} ${o.ref.namespace ? `${o.ref.namespace}/` : ''}${o.ref.name}`;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : `\`${JSON.stringify(value).replaceAll('`', "'")}\``;
}

function fieldLine(f: DriftedField): string {
  const who = f.manager ? ` — by ${f.manager}${f.subresource ? ` (${f.subresource})` : ''}${f.time ? ` at ${f.time}` : ''}` : '';
  return `  - \`${f.path}\`: ${show(f.before)} → ${show(f.after)}${who}`;
}

export function driftTitle(report: DriftReport): string {
  const n = report.drifted.length;
  return n === 0 ? `in sync (${report.checked} objects)` : `${n} of ${report.checked} objects drifted`;
}

export function renderDriftMarkdown(report: DriftReport): string {
  const head = `Environment **${report.environment}**${report.revision ? ` at ${report.revision.slice(0, 12)}` : ''}: ${driftTitle(report)}.`;
  const lines = report.drifted.flatMap((o) =>
    o.state === 'deleted' ? [`- **${objectLabel(o)}**: deleted from the cluster`] : [`- **${objectLabel(o)}** (Git → live):`, ...o.fields.map(fieldLine)]);
  return [head, ...(lines.length > 0 ? ['', ...lines] : [])].join('\n');
}
