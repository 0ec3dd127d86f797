// JUnit XML: one test case per object; a Deny finding is a failure, warnings
// and audit notices go to the case's system-out.
import type { PolicyFinding } from '../types.js';
import type { PolicyReport } from './summarize.js';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const label = (o: { kind: string; namespace?: string; name: string }): string => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

function testCase(object: PolicyReport['objects'][number], findings: PolicyFinding[]): string {
  const deny = findings.filter((f) => f.action === 'Deny');
  const other = findings.filter((f) => f.action !== 'Deny');
  const failures = deny.map((f) => `      <failure type="${xml(f.policy)}" message="${xml(f.message)}">${xml(`${f.file}:${f.line}: ${f.message}`)}</failure>`);
  const out = other.length > 0 ? [`      <system-out>${xml(other.map((f) => `${f.action} ${f.policy} ${f.file}:${f.line}: ${f.message}`).join('\n'))}</system-out>`] : [];
  const body = [...failures, ...out];
  const open = `    <testcase name="${xml(label(object))}" classname="${xml(object.file)}"`;
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

export function formatJunit(report: PolicyReport): string {
  const key = (o: { file: string; kind: string; name: string }): string => `${o.file}|${o.kind}|${o.name}`;
  const byObject = new Map<string, PolicyFinding[]>();
  for (const f of report.findings) byObject.set(key(f), [...(byObject.get(key(f)) ?? []), f]);
  const cases = report.objects.map((o) => testCase(o, byObject.get(key(o)) ?? []));
  const failures = report.objects.filter((o) => (byObject.get(key(o)) ?? []).some((f) => f.action === 'Deny')).length;
  const counts = `tests="${report.objects.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubegate policy" ${counts}>`,
    `  <testsuite name="kubegate policy" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
