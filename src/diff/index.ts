// Public surface of the diff engine (pure: no cluster, no Octokit).
//   dryRun (src/cluster/dry-run-environment.ts)  -> EnvironmentDryRun
//   decideRemovalPolicy(sync, applySet)           -> RemovalPolicy (does the sync prune removed objects?)
//   buildEnvironmentDiff(dryRun, { removal })     -> EnvironmentDiff (ordered, masked)
//   buildDiffCheck(diff, { unreachableConclusion }) -> CheckResult "kubegate/diff (ENV)"
//   renderDiffMarkdown(diff)                      -> comment sections
//   renderUnifiedDiff(diff)                       -> kubectl-diff-style text
export { compareApplyOrder } from './apply-order.js';
export { buildDiffCheck, diffCheckName, skippedDiffCheck } from './build-diff-check.js';
export type { DiffCheckOptions, UnreachableConclusion } from './build-diff-check.js';
export { buildEnvironmentDiff } from './build-environment-diff.js';
export type { EnvironmentDiffOptions } from './build-environment-diff.js';
export type { DiffTextOptions } from './compute-object-diff.js';
export { countActions, describeCounts } from './count-actions.js';
export type { ActionCounts } from './count-actions.js';
export { decideRemovalPolicy, whyKept } from './decide-removal.js';
export type { ApplySetLocation } from './decide-removal.js';
export { findRemovedObjects, identityKey } from './find-removed-objects.js';
export { maskSecretPair } from './mask-secret-data.js';
export { LAST_APPLIED_ANNOTATION, normalizeObject } from './normalize-object.js';
export { kubectlFileName, objectLabel, splitApiVersion } from './object-names.js';
export { MAX_UNCHANGED_ROWS, renderDiffMarkdown, renderDiffSummary } from './render-diff-markdown.js';
export { DEFAULT_LIVE_DIR, DEFAULT_MERGED_DIR, hasDifferences, renderObjectUnifiedDiff, renderUnifiedDiff } from './render-unified-diff.js';
export type { UnifiedDiffOptions } from './render-unified-diff.js';
export { SECRET_MASK, scrubText, secretValues } from './secret-values.js';
export { toKubectlYaml } from './yaml/to-kubectl-yaml.js';
export type * from './types.js';
