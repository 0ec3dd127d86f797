// Validates one environment's objects and turns the results into findings and counts.
import type { Finding, ManifestObject } from '../core/types.js';
import { emptyCounts, type EnvironmentSummary } from '../report/render-validate-summary.js';
import type { Validator } from '../validate/types.js';
import type { LoadedEnvironment } from './load-environment.js';
import { resultFindings } from './result-findings.js';

export interface ValidatedEnvironment {
  summary: EnvironmentSummary;
  findings: Finding[];
  /** Objects with schema errors (the cluster dry-run skips them: the server would refuse them too). */
  invalid: ManifestObject[];
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function validateEnvironment(loaded: LoadedEnvironment, validator: Validator): Promise<ValidatedEnvironment> {
  const { env, files, overlays } = loaded.target;
  const counts = emptyCounts();
  counts.error += loaded.errors;
  const findings = [...loaded.findings];
  const invalid: ManifestObject[] = [];
  try {
    const results = loaded.objects.length > 0 ? await validator.validate(loaded.objects) : [];
    for (const r of results) {
      if (r.status !== 'empty') counts[r.status]++;
      if (r.status === 'invalid' && r.object) invalid.push(r.object);
      findings.push(...resultFindings(r, env, loaded.locators));
    }
  } catch (err: unknown) {
    counts.error += loaded.objects.length;
    const first = loaded.objects[0]?.source ?? { file: files[0] ?? overlays[0]?.kustomizationFile ?? '.', line: 1 };
    findings.push({
      check: 'validate',
      level: 'failure',
      ...first,
      rule: 'validator',
      message: `the validator failed, so ${loaded.objects.length} objects were not validated: ${errorMessage(err)}`,
      environment: env.name,
    });
  }
  const summary: EnvironmentSummary = {
    name: env.name,
    render: env.render,
    ...(env.cluster ? { cluster: env.cluster } : {}),
    files: files.length,
    overlays: overlays.map((o) => o.dir || '.'),
    counts,
  };
  return { summary, findings, invalid };
}
