import type { PolicyFinding, PolicySet } from '../types.js';

export interface PolicyRunSummary {
  deny: number;
  warn: number;
  audit: number;
  objects: number;
  policies: number;
}

export function summarize(findings: readonly PolicyFinding[], objects: number, set: PolicySet): PolicyRunSummary {
  const count = (action: string): number => findings.filter((f) => f.action === action).length;
  return { deny: count('Deny'), warn: count('Warn'), audit: count('Audit'), objects, policies: set.policies.length };
}

/** What the CLI prints, whatever the format. */
export interface PolicyReport {
  findings: readonly PolicyFinding[];
  summary: PolicyRunSummary;
  set: PolicySet;
  /** Objects evaluated, for formats that list passes (JUnit). */
  objects: ReadonlyArray<{ file: string; kind: string; namespace?: string; name: string }>;
}
