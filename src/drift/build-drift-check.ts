// The check run `kubegate/drift (ENV)` on the default branch head: success
// when the cluster is in the deployed revision's state, else the environment's
// drift.conclusion (failure unless set to neutral) listing each drifted object.
import type { CheckResult } from '../core/types.js';
import { driftTitle, renderDriftMarkdown } from './render-drift-markdown.js';
import type { DriftReport } from './types.js';

export function driftCheckName(environment: string): string {
  return `kubegate/drift (${environment})`;
}

export function buildDriftCheck(report: DriftReport, onDrift: 'failure' | 'neutral' = 'failure'): CheckResult {
  return {
    name: driftCheckName(report.environment),
    conclusion: report.drifted.length === 0 ? 'success' : onDrift,
    title: driftTitle(report),
    summary: renderDriftMarkdown(report),
    findings: [],
  };
}
