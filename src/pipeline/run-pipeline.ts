// The pure core of a pull-request pass (DESIGN.md): config -> changed files
// -> affected environments -> render -> validate -> policies -> cluster diff
// -> Report. No Octokit, no Kubernetes client (the cluster dry-run is an
// injected function): snapshots and config in, one Report out.
import type { ManifestObject, Report } from '../core/types.js';
import { allowSchemaLocations, refusedSchemaLocationFinding } from './allow-schema-locations.js';
import { buildConfigFailureReport } from './build-config-failure-report.js';
import { buildValidateCheck } from './build-validate-check.js';
import { checkPolicies } from './check-policies.js';
import { collectRepoCrds } from './collect-repo-crds.js';
import { createValidatorOrFailure } from './create-validator-or-failure.js';
import { defaultPipelineDeps } from './default-pipeline-deps.js';
import { diffEnvironments } from './diff-environments.js';
import { findChangedFiles } from './find-changed-files.js';
import { createBaseLoader } from './load-base.js';
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

  // 5. Validate against the Kubernetes schemas (only at locations the app settings allow) and the repository's CRDs.
  const schemaLocations = allowSchemaLocations(config.validation.schemaLocations, settings?.schemaLocations);
  const validator = createValidatorOrFailure(deps, {
    ...config.validation,
    schemaLocations: schemaLocations.locations,
    crds: collectRepoCrds(head, deps.parseManifests),
  });
  const validated: ValidatedEnvironment[] = [];
  for (const env of environments) validated.push(await validateEnvironment(env, validator));

  // 6. Policies of the default branch on what the change creates, modifies or deletes (the base is loaded once, when needed).
  const baseEnvironments = createBaseLoader({ config, base, changed, deleted, deps, ...(settings ? { settings } : {}) });
  const policyCheck = await checkPolicies({ config, policySource: input.policySource ?? base, base: baseEnvironments, head: environments });

  // 7. The cluster dry-run diff of each affected environment that names a cluster.
  const diff = await diffEnvironments({
    config,
    head: environments,
    invalid: new Set(validated.flatMap((v) => v.invalid)),
    base: baseEnvironments,
    pullRequest: input.pullRequest ?? { repository: '', fromFork: false },
    diffEnvironment: deps.diffEnvironment,
  });

  // 8. One Report, with every Secret value seen in this run (at head or base) masked.
  const report: Report = {
    baseSha: base.sha,
    headSha: head.sha,
    checks: [
      buildValidateCheck({
        environments: validated,
        validation: config.validation,
        deletedFiles: deleted.length,
        configSource: loaded.source,
        configFindings: schemaLocations.refused.map(refusedSchemaLocationFinding),
      }),
      policyCheck,
      ...diff.checks,
    ],
    commentSections: diff.sections,
  };
  const objects: ManifestObject[] = [...environments.flatMap((e) => e.objects), ...(await baseEnvironments.objects())];
  return maskReportSecrets(report, collectSecretValues(objects));
}
