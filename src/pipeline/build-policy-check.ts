// The `kubegate/policy` check, like a linter on the diff: findings in objects
// the pull request creates, modifies or deletes are its doing and are listed;
// those in objects it leaves unchanged are only counted. A deletion reports
// only Deny and Warn findings (of the policies that match DELETE at all).
import type { EnvironmentConfig } from '../config/types.js';
import type { CheckResult, Finding } from '../core/types.js';
import { policyCheck, type PolicyFinding, type PolicyProblem } from '../policy/index.js';
import { renderedNote } from './rendered-note.js';

function isShown(finding: PolicyFinding): boolean {
  return finding.unchanged !== true && !(finding.operation === 'DELETE' && finding.action === 'Audit');
}

/** The finding as the reporters show it: the object and the policy first, as validation findings name the object and field. */
function reportFinding(f: PolicyFinding, env: EnvironmentConfig | undefined): Finding {
  return {
    check: f.check,
    level: f.level,
    file: f.file,
    line: f.line,
    rule: f.rule,
    message: `${f.kind} ${f.name}: ${f.policy}: ${f.message}${env ? renderedNote(env) : ''}`,
    ...(f.object ? { object: f.object } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
    ...(f.environment !== undefined ? { environment: f.environment } : {}),
  };
}

export function buildPolicyCheck(
  findings: readonly PolicyFinding[],
  problems: readonly PolicyProblem[],
  environments: readonly EnvironmentConfig[],
): CheckResult {
  const shown = findings.filter(isShown);
  const preExisting = findings.filter((f) => f.unchanged === true).length;
  const check = policyCheck(shown, problems, { preExisting });
  const byName = new Map(environments.map((e) => [e.name, e]));
  return { ...check, findings: shown.map((f) => reportFinding(f, byName.get(f.environment ?? ''))) };
}
