// x-kubernetes-validations: the CEL rules of CustomResourceDefinitions,
// evaluated on custom resources as the API server evaluates them.
export { compileCrdRules, type CrdRuleSource, type CrdRules } from './compile-crd-rules.js';
export { DEFAULT_RULE_LIMITS, type RuleLimits, type RuleViolation } from './evaluate-rules.js';
