// loadPolicies: the built-in pack and the repository's own policies, compiled,
// with the repository's config applied. Problems never stop other policies.
import { DEFAULT_CONFIG_FILE } from '../config/default-repo-config.js';
import { parsePolicyConfig, type PolicyConfig } from './config.js';
import { applyConfig } from './load/apply-config.js';
import { readBuiltinPack } from './load/builtin-pack.js';
import { linkBindings } from './load/link-bindings.js';
import { type PolicyFile, readPolicyFiles } from './load/read-policy-files.js';
import { kubernetesMinor } from './evaluate/kubernetes-version.js';
import type { PolicyProblem, PolicySet } from './types.js';

export interface LoadPoliciesInput {
  /** Include the built-in pack (the config's `builtin: false` also turns it off). */
  builtin: boolean;
  /** The repository's own policy files (see repoPolicyFiles), from the default branch. */
  extra: readonly PolicyFile[];
  /** RepoConfig.policies as read (validated here), or an already parsed PolicyConfig. */
  config?: PolicyConfig | Record<string, unknown>;
  /** Target Kubernetes version ("1.33", "v1.33.13"); default: the version kubegate tests against. */
  kubernetesVersion?: string;
}

export function loadPolicies(input: LoadPoliciesInput): { policies: PolicySet; problems: PolicyProblem[] } {
  const parsed = parsePolicyConfig(input.config);
  const config = parsed.config;
  const builtinFiles = input.builtin && config.builtin ? readBuiltinPack() : [];
  const builtin = readPolicyFiles(builtinFiles, true);
  const extra = readPolicyFiles(input.extra, false);
  const merged = {
    policies: [...builtin.policies, ...extra.policies],
    bindings: [...builtin.bindings, ...extra.bindings],
    problems: [...builtin.problems, ...extra.problems],
    broken: [...builtin.broken, ...extra.broken],
  };
  const linked = linkBindings(applyConfig(merged, config));
  const configProblems = parsed.problems.map((p) => ({ file: DEFAULT_CONFIG_FILE, line: 1, message: `${p.path}: ${p.message}` }));
  const policies: PolicySet = {
    policies: linked.policies,
    bindings: linked.bindings,
    exemptions: config.exempt,
    kubernetesVersion: kubernetesMinor(input.kubernetesVersion),
  };
  return { policies, problems: [...configProblems, ...linked.problems] };
}
