// SARIF 2.1.0: one rule per loaded policy, one result per finding.
import type { PolicyReport } from './summarize.js';

const LEVEL = { Deny: 'error', Warn: 'warning', Audit: 'note' } as const;

function firstSentence(text: string): string {
  const m = /^.*?[.!?](\s|$)/.exec(text);
  return (m ? m[0] : text).trim();
}

export function formatSarif(report: PolicyReport): string {
  const policies = [...report.set.policies].sort((a, b) => a.name.localeCompare(b.name));
  const index = new Map(policies.map((p, i) => [p.name, i]));
  const rules = policies.map((p) => {
    const action = report.set.bindings.find((b) => b.policyName === p.name)?.validationActions[0] ?? 'Deny';
    const description = p.rationale ?? `ValidatingAdmissionPolicy ${p.name}`;
    return {
      id: p.name,
      name: p.name,
      shortDescription: { text: firstSentence(description) },
      fullDescription: { text: description },
      defaultConfiguration: { level: LEVEL[action] },
      properties: { builtin: p.builtin, file: p.file },
    };
  });
  const results = report.findings.map((f) => ({
    ruleId: f.policy,
    ...(index.has(f.policy) ? { ruleIndex: index.get(f.policy) } : {}),
    level: LEVEL[f.action],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: Math.max(1, f.line) } },
        logicalLocations: [{ name: `${f.kind}/${f.namespace ? `${f.namespace}/` : ''}${f.name}`, kind: 'resource' }],
      },
    ],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'kubegate', informationUri: 'https://kubegate.dev', rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
