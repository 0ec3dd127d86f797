// When the repository's config is invalid nothing can be validated or
// policy-checked: the validate check fails and says what to fix in the config;
// the policy check fails too (fail closed) and points there.
import type { ConfigProblem } from '../config/types.js';
import type { Report } from '../core/types.js';
import { plural } from '../report/markdown-text.js';
import { renderConfigSummary } from '../report/render-config-summary.js';
import { POLICY_CHECK, VALIDATE_CHECK } from './check-names.js';

export function buildConfigFailureReport(baseSha: string, headSha: string, problems: readonly ConfigProblem[]): Report {
  return {
    baseSha,
    headSha,
    checks: [
      {
        name: VALIDATE_CHECK,
        conclusion: 'failure',
        title: `Invalid kubegate config: ${plural(problems.length, 'problem')}`,
        summary: renderConfigSummary(problems),
        findings: problems.map((p) => ({
          check: 'validate',
          level: 'failure',
          file: p.file,
          line: p.line ?? 1,
          rule: 'config',
          message: `${p.path ? `${p.path}: ` : ''}${p.message}`,
        })),
      },
      {
        name: POLICY_CHECK,
        conclusion: 'failure',
        title: 'Not checked: invalid kubegate config',
        summary: `The kubegate config on the default branch is invalid (\`${VALIDATE_CHECK}\` lists the problems), so no policy was checked.`,
        findings: [],
      },
    ],
    commentSections: [],
  };
}
