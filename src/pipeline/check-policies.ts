// The policy step: the default branch's policies on the objects the pull
// request affects, per environment. The head objects are the ones the
// validate step rendered; the same environments are rendered at the base (only
// where the change touches them) so that policies see oldObject, UPDATE and
// DELETE as a cluster would.
import type { RepoConfig } from '../config/types.js';
import type { CheckResult, ManifestObject, Snapshot } from '../core/types.js';
import { evaluatePolicies } from '../policy/index.js';
import { buildPolicyCheck } from './build-policy-check.js';
import type { LoadedEnvironment } from './load-environment.js';
import { loadRepoPolicies } from './load-repo-policies.js';
import { loadTargets } from './load-targets.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { placePolicyFinding } from './place-policy-finding.js';
import { selectTargets } from './select-targets.js';
import type { PipelineSettings } from './types.js';
import { withDefaultNamespace } from './with-default-namespace.js';

export interface CheckPoliciesInput {
  config: RepoConfig;
  /** The default branch, where the repository's own policy files are read. */
  policySource: Snapshot;
  base: Snapshot;
  changed: readonly string[];
  deleted: readonly string[];
  /** The affected environments rendered at head, in the config's order (the validate step's objects). */
  head: readonly LoadedEnvironment[];
  deps: PipelineDeps;
  settings?: PipelineSettings;
}

export interface CheckedPolicies {
  check: CheckResult;
  /** The objects rendered at the base (their Secret values are masked in the report too). */
  baseObjects: ManifestObject[];
}

/** The base side of the same environments: the files and overlays at base that the change touches (deleted files included). */
function loadBase(input: CheckPoliciesInput): Promise<LoadedEnvironment[]> {
  const touched = [...input.changed, ...input.deleted].sort();
  const targets = selectTargets({ config: input.config, head: input.base, changed: touched, deleted: [] });
  return loadTargets(input.base, targets, input.deps, input.settings);
}

export async function checkPolicies(input: CheckPoliciesInput): Promise<CheckedPolicies> {
  const { policies, problems } = loadRepoPolicies(input.config, input.policySource);
  const base = policies.bindings.length > 0 ? await loadBase(input) : [];
  const findings = input.head.flatMap((env) => {
    const old = base.find((b) => b.target.env.name === env.target.env.name);
    const namespace = env.target.env.namespace;
    const evaluated = evaluatePolicies({
      policies,
      head: withDefaultNamespace(env.objects, namespace),
      base: withDefaultNamespace(old?.objects ?? [], namespace),
    });
    return evaluated.map((f) => placePolicyFinding(f, env, old));
  });
  return {
    check: buildPolicyCheck(findings, problems, input.config.environments),
    baseObjects: base.flatMap((e) => e.objects),
  };
}
