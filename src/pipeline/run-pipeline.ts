// The pure core of a pull-request pass (DESIGN.md): config -> changed files
// -> affected environments -> render -> validate -> policies -> Report. No
// Octokit, no Kubernetes client: snapshots and config in, one Report out.
import type { ManifestObject, Report } from '../core/types.js';
import { buildConfigFailureReport } from './build-config-failure-report.js';
import { buildValidateCheck } from './build-validate-check.js';
import { checkPolicies } from './check-policies.js';
import { collectRepoCrds } from './collect-repo-crds.js';
import { createValidatorOrFailure } from './create-validator-or-failure.js';
import { defaultPipelineDeps } from './default-pipeline-deps.js';
import { findChangedFiles } from './find-changed-files.js';
import { loadTargets } from './load-targets.js';
import { collectSecretValues, maskReportSecrets } from './mask-secrets.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { selectTargets } from './select-targets.js';
import type { PipelineInput } from './types.js';
import { validateEnvironment, type ValidatedEnvironment } from './validate-environment.js';

export async function runPipeline(input: PipelineInput, deps: PipelineDeps = defaultPipelineDeps()): Promise<Report> {
  const { base, head, config: loaded, settings } = input;
  // 1. The config comes from the default branch; an invalid one fails the checks.
  if (!loaded.ok) return buildConfigFailureReport(base.sha, head.sha, loaded.problems);
  const { config } = loaded;

  // 2. What the pull request changes.
  const { changed, deleted } = findChangedFiles(base, head);

  // 3. Which plain files and Kustomize overlays of each environment it touches.
  const targets = selectTargets({ config, head, changed, deleted });

  // 4. Read and render them into objects (Kustomize works on the head snapshot written to a temp dir).
  const environments = await loadTargets(head, targets, deps, settings);

  // 5. Validate against the Kubernetes schemas and the repository's CRDs.
  const validator = createValidatorOrFailure(deps, { ...config.validation, crds: collectRepoCrds(head, deps.parseManifests) });
  const validated: ValidatedEnvironment[] = [];
  for (const env of environments) validated.push(await validateEnvironment(env, validator));

  // 6. Policies of the default branch on what the change creates, modifies or deletes.
  const policies = await checkPolicies({ config, policySource: input.policySource ?? base, base, changed, deleted, head: environments, deps, ...(settings ? { settings } : {}) });

  // 7. One Report, with every Secret value seen in this run (at head or base) masked.
  const report: Report = {
    baseSha: base.sha,
    headSha: head.sha,
    checks: [
      buildValidateCheck({ environments: validated, validation: config.validation, deletedFiles: deleted.length, configSource: loaded.source }),
      policies.check,
    ],
    commentSections: [],
  };
  const objects: ManifestObject[] = [...environments.flatMap((e) => e.objects), ...policies.baseObjects];
  return maskReportSecrets(report, collectSecretValues(objects));
}
