// policyCheck: findings -> the kubegate/policy check run. Fails on any Deny
// finding; warnings and audit notices are listed but pass. The summary says
// what happened; the table of findings is the run's details (text), so the
// pull-request comment can list the findings its own way under the summary.
import type { CheckResult } from '../core/types.js';
import type { PolicyFinding, PolicyProblem } from './types.js';

export const POLICY_CHECK_NAME = 'kubegate/policy';
const MAX_ROWS = 200;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function objectLabel(f: PolicyFinding): string {
  return `${f.kind} \`${f.namespace ? `${f.namespace}/` : ''}${f.name}\``;
}

function findingsTable(findings: readonly PolicyFinding[]): string[] {
  const order = { Deny: 0, Warn: 1, Audit: 2 };
  const sorted = [...findings].sort((a, b) => order[a.action] - order[b.action] || a.file.localeCompare(b.file) || a.line - b.line);
  const rows = sorted.slice(0, MAX_ROWS).map((f) => `| ${f.action} | \`${f.policy}\` | ${objectLabel(f)} | \`${f.file}:${f.line}\` | ${cell(f.message)} |`);
  const more = sorted.length > MAX_ROWS ? [``, `…and ${sorted.length - MAX_ROWS} more (see the annotations).`] : [];
  return ['| Action | Policy | Object | Where | Message |', '| --- | --- | --- | --- | --- |', ...rows, ...more];
}

function problemsSection(problems: readonly PolicyProblem[]): string[] {
  if (problems.length === 0) return [];
  const lines = problems.slice(0, 50).map((p) => `- \`${p.file}:${p.line}\` ${cell(p.message)}`);
  return ['', `**${plural(problems.length, 'policy problem')}** (these policies did not run; fix them on the default branch):`, ...lines];
}

export interface PolicyCheckOptions {
  /** Findings left out because their objects are unchanged by the pull request (counted in the summary). */
  preExisting?: number;
}

function preExistingNote(count: number): string[] {
  return count === 0 ? [] : ['', `Not shown: ${plural(count, 'pre-existing finding')} in unchanged objects (not this change's doing).`];
}

export function policyCheck(findings: readonly PolicyFinding[], problems: readonly PolicyProblem[] = [], options: PolicyCheckOptions = {}): CheckResult {
  const deny = findings.filter((f) => f.action === 'Deny').length;
  const warn = findings.filter((f) => f.action === 'Warn').length;
  const audit = findings.filter((f) => f.action === 'Audit').length;
  const counts = [warn > 0 ? plural(warn, 'warning') : '', audit > 0 ? plural(audit, 'audit notice') : ''].filter(Boolean);
  const title = deny > 0 ? [plural(deny, 'policy violation'), ...counts].join(', ') : ['No policy violations', ...counts].join(', ');
  const scope = (options.preExisting ?? 0) > 0 ? 'object this change creates or modifies' : 'object';
  const intro = deny > 0 ? 'Objects that a cluster enforcing these policies would reject are listed below.' : `Every ${scope} passes the Deny policies.`;
  const summary = [`${title}.`, '', intro, ...preExistingNote(options.preExisting ?? 0), ...problemsSection(problems)].join('\n');
  return {
    name: POLICY_CHECK_NAME,
    conclusion: deny > 0 ? 'failure' : 'success',
    title,
    summary,
    ...(findings.length > 0 ? { text: findingsTable(findings).join('\n') } : {}),
    findings: [...findings],
  };
}
