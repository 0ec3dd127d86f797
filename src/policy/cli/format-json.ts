import type { PolicyReport } from './summarize.js';

export function formatJson(report: PolicyReport): string {
  const findings = report.findings.map((f) => ({
    policy: f.policy,
    action: f.action,
    file: f.file,
    line: f.line,
    apiVersion: f.apiVersion,
    kind: f.kind,
    namespace: f.namespace ?? null,
    name: f.name,
    message: f.message,
  }));
  return `${JSON.stringify({ findings, summary: report.summary }, null, 2)}\n`;
}
