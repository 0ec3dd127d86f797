// Checks that policies and bindings fit together, as the apiserver would use them.
import type { CompiledBinding, CompiledPolicy, PolicyProblem } from '../types.js';
import type { ReadPolicies } from './read-policy-files.js';

function dropDuplicates(policies: CompiledPolicy[], problems: PolicyProblem[]): CompiledPolicy[] {
  const seen = new Map<string, CompiledPolicy>();
  for (const policy of policies) {
    const first = seen.get(policy.name);
    if (!first) seen.set(policy.name, policy);
    else problems.push({ file: policy.file, line: policy.line, policy: policy.name, message: `ValidatingAdmissionPolicy "${policy.name}" is already defined in ${first.file}:${first.line}; rename one of them (this one is ignored)` });
  }
  return [...seen.values()];
}

function bindingProblem(binding: CompiledBinding, policy: CompiledPolicy | undefined): string | undefined {
  if (!policy) return `ValidatingAdmissionPolicyBinding "${binding.name}": spec.policyName "${binding.policyName}" names no loaded policy`;
  if (policy.paramKind && !binding.paramRef) return `ValidatingAdmissionPolicyBinding "${binding.name}": policy "${policy.name}" has a paramKind, so the binding needs a paramRef`;
  if (!policy.paramKind && binding.paramRef) return `ValidatingAdmissionPolicyBinding "${binding.name}": policy "${policy.name}" has no paramKind, so the binding cannot have a paramRef`;
  return undefined;
}

export function linkBindings(read: ReadPolicies): ReadPolicies {
  const problems = [...read.problems];
  const policies = dropDuplicates(read.policies, problems);
  const byName = new Map(policies.map((p) => [p.name, p]));
  const bindings: CompiledBinding[] = [];
  const broken = new Set(read.broken);
  for (const binding of read.bindings) {
    if (broken.has(binding.policyName) && !byName.has(binding.policyName)) continue;
    const message = bindingProblem(binding, byName.get(binding.policyName));
    if (message) problems.push({ file: binding.file, line: binding.line, policy: binding.policyName, message });
    else bindings.push(binding);
  }
  const bound = new Set(bindings.map((b) => b.policyName));
  for (const policy of policies.filter((p) => !bound.has(p.name))) {
    problems.push({ file: policy.file, line: policy.line, policy: policy.name, message: `ValidatingAdmissionPolicy "${policy.name}" has no ValidatingAdmissionPolicyBinding, so it checks nothing (as in a cluster); add a binding with validationActions` });
  }
  return { policies, bindings, problems, broken: read.broken };
}
