// When the repository's config is invalid nothing can be validated: the
// validate check fails and says what to fix in the config.
import type { ConfigProblem } from '../config/types.js';
import type { Report } from '../core/types.js';
import { plural } from '../report/markdown-text.js';
import { renderConfigSummary } from '../report/render-config-summary.js';
import { VALIDATE_CHECK } from './check-names.js';

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
    ],
    commentSections: [],
  };
}
