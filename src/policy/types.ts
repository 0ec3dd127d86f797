// The policy engine's data: ValidatingAdmissionPolicy and its binding
// (admissionregistration.k8s.io/v1) after loading and compiling, and what an
// evaluation reports.
import type { FieldPath, Finding } from '../core/types.js';
import type { CelProgram } from './cel/index.js';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
export type FailurePolicy = 'Fail' | 'Ignore';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface ResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope: '*' | 'Cluster' | 'Namespaced';
  resourceNames: string[];
}

export interface MatchResources {
  namespaceSelector?: LabelSelector;
  objectSelector?: LabelSelector;
  resourceRules: ResourceRule[];
  excludeResourceRules: ResourceRule[];
}

/** A CEL expression from a policy, compiled, with where it came from. */
export interface PolicyExpression {
  /** Field path inside the policy document, e.g. spec.validations[0].expression. */
  field: string;
  program: CelProgram;
}

export interface CompiledValidation {
  expression: PolicyExpression;
  message?: string;
  messageExpression?: PolicyExpression;
  reason?: string;
  /** The kubegate.dev/field-path expression: the path of the field a failure is about. */
  fieldPath?: PolicyExpression;
}

export interface CompiledPolicy {
  name: string;
  file: string;
  line: number;
  builtin: boolean;
  /** The kubegate.dev/rationale annotation: why the rule exists. */
  rationale?: string;
  /** Set when the policy cannot take effect in a real cluster (kubegate.dev/kubegate-only). */
  kubegateOnly?: string;
  failurePolicy: FailurePolicy;
  paramKind?: { apiVersion: string; kind: string };
  matchConstraints: MatchResources;
  matchConditions: Array<{ name: string; expression: PolicyExpression }>;
  variables: Array<{ name: string; expression: PolicyExpression }>;
  validations: CompiledValidation[];
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelSelector;
  parameterNotFoundAction: 'Allow' | 'Deny';
}

export interface CompiledBinding {
  name: string;
  file: string;
  line: number;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResources;
  validationActions: ValidationAction[];
}

/** What the repository's config says about one object: skip these policies for it. */
export interface Exemption {
  /** Policy names; empty means every policy. */
  policies: string[];
  namespaces: string[];
  names: string[];
  kinds: string[];
  selector?: LabelSelector;
}

/** Loaded, compiled policies ready to evaluate. */
export interface PolicySet {
  policies: CompiledPolicy[];
  bindings: CompiledBinding[];
  exemptions: Exemption[];
  /** Target Kubernetes minor version, "1.33" (for version-aware policies). */
  kubernetesVersion: string;
}

/** A policy file (or config entry) kubegate could not use, and why. */
export interface PolicyProblem {
  file: string;
  line: number;
  policy?: string;
  message: string;
}

export interface PolicyFinding extends Finding {
  policy: string;
  binding: string;
  action: ValidationAction;
  operation: Operation;
  /** Set on an UPDATE whose object equals the base object: the violation is not the change's doing. */
  unchanged?: true;
  /** The field the finding is about, as segments (`field` is its dotted form). */
  fieldPath?: FieldPath;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}
