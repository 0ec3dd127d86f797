// Policy checks: CEL policies in the shape of ValidatingAdmissionPolicy.
export { DEFAULT_POLICY_CONFIG, parsePolicyConfig, type PolicyConfig, type PolicyConfigProblem, repoPolicyFiles } from './config.js';
export { evaluatePolicies, type EvaluatePoliciesInput } from './evaluate-policies.js';
export { DEFAULT_KUBERNETES_VERSION } from './evaluate/kubernetes-version.js';
export { loadPolicies, type LoadPoliciesInput } from './load-policies.js';
export type { PolicyFile } from './load/read-policy-files.js';
export { POLICY_CHECK_NAME, policyCheck, type PolicyCheckOptions } from './policy-check.js';
export type {
  CompiledBinding,
  CompiledPolicy,
  PolicyFinding,
  PolicyProblem,
  PolicySet,
  ValidationAction,
} from './types.js';
