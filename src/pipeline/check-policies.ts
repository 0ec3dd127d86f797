// The policy step: the default branch's policies on the objects the pull
// request affects, per environment. The head objects are the ones the
// validate step rendered; the same environments are rendered at the base (only
// where the change touches them) so that policies see oldObject, UPDATE and
// DELETE as a cluster would.
import type { RepoConfig } from '../config/types.js';
import type { CheckResult, Snapshot } from '../core/types.js';
import { evaluatePolicies } from '../policy/index.js';
import { buildPolicyCheck } from './build-policy-check.js';
import type { BaseLoader } from './load-base.js';
import type { LoadedEnvironment } from './load-environment.js';
import { loadRepoPolicies } from './load-repo-policies.js';
import { placePolicyFinding } from './place-policy-finding.js';
import { withDefaultNamespace } from './with-default-namespace.js';

export interface CheckPoliciesInput {
  config: RepoConfig;
  /** The default branch, where the repository's own policy files are read. */
  policySource: Snapshot;
  /** The same environments at base (loaded only when a policy is bound). */
  base: BaseLoader;
  /** The affected environments rendered at head, in the config's order (the validate step's objects). */
  head: readonly LoadedEnvironment[];
}

export async function checkPolicies(input: CheckPoliciesInput): Promise<CheckResult> {
  const { policies, problems } = loadRepoPolicies(input.config, input.policySource);
  const base = policies.bindings.length > 0 ? await input.base.load() : [];
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
  return buildPolicyCheck(findings, problems, input.config.environments);
}
