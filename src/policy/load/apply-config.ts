// Applies the repository's policy config to loaded policies: which run, with
// which action. Names the config uses but no policy has become problems.
import { DEFAULT_CONFIG_FILE } from '../../config/default-repo-config.js';
import type { PolicyConfig } from '../config.js';
import type { CompiledBinding, CompiledPolicy, PolicyProblem } from '../types.js';
import type { ReadPolicies } from './read-policy-files.js';

function isEnabled(policy: CompiledPolicy, config: PolicyConfig): boolean {
  if (config.disable.includes(policy.name)) return false;
  if (!policy.builtin) return true;
  return config.enable === undefined || config.enable.includes(policy.name);
}

function unknownNames(names: string[], known: Set<string>, field: string): PolicyProblem[] {
  const list = [...known].sort().join(', ');
  return names
    .filter((name) => !known.has(name))
    .map((name) => ({ file: DEFAULT_CONFIG_FILE, line: 1, message: `policies.${field}: no policy is named "${name}" (known: ${list})` }));
}

function withAction(binding: CompiledBinding, config: PolicyConfig): CompiledBinding {
  const action = config.actions[binding.policyName];
  return action ? { ...binding, validationActions: [action] } : binding;
}

export function applyConfig(read: ReadPolicies, config: PolicyConfig): ReadPolicies {
  const known = new Set(read.policies.map((p) => p.name));
  const problems = [
    ...unknownNames(config.disable, known, 'disable'),
    ...unknownNames(config.enable ?? [], known, 'enable'),
    ...unknownNames(Object.keys(config.actions), known, 'actions'),
    ...config.exempt.flatMap((e, i) => unknownNames(e.policies, known, `exempt[${i}].policies`)),
  ];
  const policies = read.policies.filter((p) => isEnabled(p, config));
  const disabled = new Set(read.policies.filter((p) => !policies.includes(p)).map((p) => p.name));
  const bindings = read.bindings.filter((b) => !disabled.has(b.policyName)).map((b) => withAction(b, config));
  return { policies, bindings, problems: [...read.problems, ...problems], broken: read.broken };
}
