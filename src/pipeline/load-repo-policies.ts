// The policies that judge a pull request: the built-in pack and the
// repository's own files, both as the DEFAULT branch configures them. The
// files come from `policySource` (the default branch), never from the pull
// request, so a pull request cannot weaken the rules that judge it.
import type { RepoConfig } from '../config/types.js';
import type { Snapshot } from '../core/types.js';
import { loadPolicies, type PolicyProblem, type PolicySet, repoPolicyFiles } from '../policy/index.js';

export function loadRepoPolicies(config: RepoConfig, policySource: Snapshot): { policies: PolicySet; problems: PolicyProblem[] } {
  return loadPolicies({
    builtin: true,
    extra: repoPolicyFiles(config.policies, policySource.files.values()),
    ...(config.policies ? { config: config.policies } : {}),
    kubernetesVersion: config.validation.kubernetesVersion,
  });
}
