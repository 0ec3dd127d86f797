// The check run `kubegate/diff (ENV)`: failure when the server refused any
// object's dry-run (each refusal a finding at the object's file and line),
// success otherwise; an unreachable cluster gets the settings' conclusion.
import type { CheckResult, Conclusion, Finding } from '../core/types.js';
import { countActions, describeCounts } from './count-actions.js';
import { objectLabel } from './object-names.js';
import { renderDiffSummary } from './render-diff-markdown.js';
import type { EnvironmentDiff, ObjectDiff } from './types.js';

export type UnreachableConclusion = Extract<Conclusion, 'failure' | 'neutral'>;

/** Check-run names are a public contract (branch protection rules require them). */
export function diffCheckName(environment: string): string {
  return `kubegate/diff (${environment})`;
}

const CONNECTION_REASONS = new Set(['Unreachable', 'Timeout']);

function finding(diff: EnvironmentDiff, o: ObjectDiff): Finding {
  const apiVersion = o.ref.group === '' ? o.ref.version : `${o.ref.group}/${o.ref.version}`;
  return {
    check: 'diff',
    level: 'failure',
    file: o.source.file,
    line: o.errorField?.line ?? o.source.line,
    rule: o.error?.reason ?? 'dry-run',
    message: `${objectLabel(o.ref)}: the cluster refused the dry-run: ${o.error?.message ?? 'unknown error'}`,
    object: { apiVersion, kind: o.ref.kind, name: o.ref.name, ...(o.ref.namespace ? { namespace: o.ref.namespace } : {}) },
    ...(o.errorField ? { field: o.errorField.field } : {}),
    environment: diff.environment,
  };
}

export interface DiffCheckOptions {
  /** Conclusion when the cluster cannot be reached (app settings; default failure). */
  unreachableConclusion?: UnreachableConclusion;
}

export function buildDiffCheck(diff: EnvironmentDiff, options: DiffCheckOptions = {}): CheckResult {
  const name = diffCheckName(diff.environment);
  const unreachableConclusion = options.unreachableConclusion ?? 'failure';
  const summary = renderDiffSummary(diff);
  if (diff.unreachable) {
    return { name, conclusion: unreachableConclusion, title: `cluster ${diff.cluster} could not be reached`, summary, findings: [] };
  }
  const failed = diff.objects.filter((o) => o.action === 'error');
  const findings = failed.map((o) => finding(diff, o));
  const onlyConnection = failed.length > 0 && failed.every((o) => CONNECTION_REASONS.has(o.error?.reason ?? ''));
  const conclusion: Conclusion = failed.length === 0 ? 'success' : onlyConnection ? unreachableConclusion : 'failure';
  return { name, conclusion, title: describeCounts(countActions(diff)), summary, findings };
}

/** The check for an environment whose dry-run was not run (fork, cluster not allowed, no cluster configured). */
export function skippedDiffCheck(environment: string, reason: string, conclusion: Conclusion = 'neutral'): CheckResult {
  return { name: diffCheckName(environment), conclusion, title: 'no cluster dry-run', summary: reason, findings: [] };
}
