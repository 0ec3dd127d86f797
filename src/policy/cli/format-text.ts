import type { PolicyReport } from './summarize.js';

export function formatText(report: PolicyReport): string {
  const lines = report.findings.map((f) => {
    const object = `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`;
    return `${f.file}:${f.line}: ${f.action} ${f.policy} (${object}): ${f.message}`;
  });
  const s = report.summary;
  lines.push(`${s.deny} deny, ${s.warn} warn, ${s.audit} audit (${s.policies} policies, ${s.objects} objects)`);
  return `${lines.join('\n')}\n`;
}
