// Secrets are never printed: every value of a Secret's data/stringData seen in
// this run (and its base64-decoded form) is replaced in all report text, by the
// app's pipeline, `kubegate validate` and `kubegate policy` alike.
import type { CheckResult, ManifestObject, Report } from '../core/types.js';
import { secretDataValues } from '../diff/secret-values.js';
import { goQuote } from '../validate/go-format.js';

export const SECRET_MASK = '***';
/** Shorter values would mask ordinary words; they are masked only where a message quotes them. */
const MIN_MASKED_LENGTH = 4;

/** The values a Secret holds (any apiVersion: a misspelt one must not leak either). */
function valuesOf(object: ManifestObject): string[] {
  return object.kind === 'Secret' ? secretDataValues(object.body) : [];
}

/**
 * How messages can show `value`: as is, and quoted or escaped the way schema
 * messages (Go's %q with single quotes, as kubeconform) and JSON print strings.
 * Quoted forms are kept for short values too: quotes make them safe to mask.
 */
function shownForms(value: string): string[] {
  if (value.trim() === '') return [];
  const quoted = [goQuote(value), JSON.stringify(value)];
  const bare = [value, ...quoted.map((q) => q.slice(1, -1))].filter((v) => v.trim().length >= MIN_MASKED_LENGTH);
  return [...quoted, ...bare];
}

/** The texts to mask for `objects`: every form in which a message could show a Secret's value. */
export function collectSecretValues(objects: Iterable<ManifestObject>): Set<string> {
  const values = new Set<string>();
  for (const o of objects) for (const value of valuesOf(o)) for (const form of shownForms(value)) values.add(form);
  return values;
}

function isQuoted(text: string): boolean {
  return text.length >= 2 && (text[0] === "'" || text[0] === '"') && text.at(-1) === text[0];
}

/** `secrets` longest first, so that a value containing another is masked whole. */
function longestFirst(secrets: Iterable<string>): string[] {
  return [...secrets].sort((a, b) => b.length - a.length);
}

function maskSorted(text: string, sorted: readonly string[]): string {
  let out = text;
  for (const s of sorted) {
    if (!out.includes(s)) continue;
    out = out.split(s).join(isQuoted(s) ? `${s[0]}${SECRET_MASK}${s[0]}` : SECRET_MASK);
  }
  return out;
}

export function maskText(text: string, secrets: ReadonlySet<string>): string {
  return maskSorted(text, longestFirst(secrets));
}

/** `items` with their messages masked (findings, report lines). */
export function maskMessages<T extends { message: string }>(items: readonly T[], secrets: ReadonlySet<string>): T[] {
  if (secrets.size === 0) return [...items];
  const sorted = longestFirst(secrets);
  return items.map((item) => ({ ...item, message: maskSorted(item.message, sorted) }));
}

/**
 * Masks the Secret values of every object it has been shown so far, for
 * output that is printed while the input is still being read.
 */
export class SecretMasker {
  private readonly values = new Set<string>();
  private sorted: string[] = [];

  add(objects: Iterable<ManifestObject>): void {
    const before = this.values.size;
    for (const value of collectSecretValues(objects)) this.values.add(value);
    if (this.values.size !== before) this.sorted = longestFirst(this.values);
  }

  /** Whether any value is known (else there is nothing to mask). */
  get active(): boolean {
    return this.sorted.length > 0;
  }

  mask(text: string): string {
    return this.active ? maskSorted(text, this.sorted) : text;
  }
}

function maskCheck(c: CheckResult, secrets: ReadonlySet<string>): CheckResult {
  return {
    ...c,
    title: maskText(c.title, secrets),
    summary: maskText(c.summary, secrets),
    ...(c.text !== undefined ? { text: maskText(c.text, secrets) } : {}),
    findings: maskMessages(c.findings, secrets),
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
