// Small ValidatingAdmissionPolicy documents for engine tests.
import { loadPolicies, type PolicyProblem, type PolicySet } from '../../../../src/policy/index.js';

export interface TestPolicy {
  name?: string;
  /** The spec, as YAML indented for "spec:" (two spaces). */
  spec: string;
  actions?: string;
  /** Extra binding spec lines (two spaces). */
  binding?: string;
  /** The policy's annotations (values written as JSON strings). */
  annotations?: Record<string, string>;
}

function annotationLines(annotations: Record<string, string>): string {
  const entries = Object.entries(annotations);
  return entries.length === 0 ? '' : `\n  annotations:${entries.map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`).join('')}`;
}

export function policyYaml({ name = 'test-policy', spec, actions = '[Deny]', binding = '', annotations = {} }: TestPolicy): string {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: ${name}${annotationLines(annotations)}
spec:
${spec}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${name}-binding
spec:
  policyName: ${name}
  validationActions: ${actions}
${binding}`;
}

export const DEPLOYMENT_RULES = `  matchConstraints:
    resourceRules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [deployments]`;

/** Loads only the given policies (no built-in pack); fails the test on problems unless allowed. */
export function load(policies: TestPolicy[], options: { config?: Record<string, unknown>; allowProblems?: boolean } = {}): { set: PolicySet; problems: PolicyProblem[] } {
  const extra = policies.map((p, i) => ({ file: `policies/${p.name ?? `test-${i}`}.yaml`, content: policyYaml(p) }));
  const { policies: set, problems } = loadPolicies({ builtin: false, extra, ...(options.config ? { config: options.config } : {}) });
  if (!options.allowProblems && problems.length > 0) throw new Error(`unexpected problems: ${problems.map((p) => p.message).join('\n')}`);
  return { set, problems };
}

export function deployment(name: string, extra = '', replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: {app: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: app
          image: example/app:1.0
${extra}`;
}
