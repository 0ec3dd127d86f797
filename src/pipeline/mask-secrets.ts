// Secrets are never printed: every value of a Secret's data/stringData seen in
// this run (and its base64-decoded form) is replaced in all report text.
import type { CheckResult, ManifestObject, Report } from '../core/types.js';

export const SECRET_MASK = '***';
/** Shorter values would mask ordinary words; they are never quoted by kubegate's own messages. */
const MIN_MASKED_LENGTH = 4;

export function collectSecretValues(objects: Iterable<ManifestObject>): Set<string> {
  const values = new Set<string>();
  for (const o of objects) {
    if (o.kind !== 'Secret') continue;
    for (const field of ['data', 'stringData'] as const) {
      const map = o.body[field];
      if (typeof map !== 'object' || map === null) continue;
      for (const v of Object.values(map as Record<string, unknown>)) {
        if (typeof v !== 'string') continue;
        values.add(v);
        if (field === 'data') values.add(Buffer.from(v, 'base64').toString('utf8'));
      }
    }
  }
  return new Set([...values].filter((v) => v.trim().length >= MIN_MASKED_LENGTH));
}

export function maskText(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(SECRET_MASK);
  return out;
}

function maskCheck(c: CheckResult, secrets: ReadonlySet<string>): CheckResult {
  return {
    ...c,
    title: maskText(c.title, secrets),
    summary: maskText(c.summary, secrets),
    ...(c.text !== undefined ? { text: maskText(c.text, secrets) } : {}),
    findings: c.findings.map((f) => ({ ...f, message: maskText(f.message, secrets) })),
  };
}

export function maskReportSecrets(report: Report, secrets: ReadonlySet<string>): Report {
  if (secrets.size === 0) return report;
  return {
    ...report,
    checks: report.checks.map((c) => maskCheck(c, secrets)),
    commentSections: report.commentSections.map((s) => maskText(s, secrets)),
  };
}
