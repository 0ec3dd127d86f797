// What a pass over pull request #2 of the Hello-World scenario finds, as
// "path:line level title" lines of the check runs' annotations: the demo's
// invalid Deployments (validate) and its privileged worker (policy).
import type { JsonObject } from '../../harness/github/index.js';

export const VALIDATE_FINDINGS = [
  'apps/web/deployment.yaml:8 failure Deployment web: validate (schema)',
  'apps/worker/deployment.yaml:17 failure Deployment worker: validate (schema)',
  'platform/base/deployment.yaml:22 failure Deployment staging-api: validate (schema)',
  'platform/base/deployment.yaml:22 failure Deployment api: validate (schema)',
];
export const VALIDATE_TITLE = '4 invalid of 7 resources';

export const POLICY_FINDINGS = [
  'apps/worker/deployment.yaml:18 failure Deployment worker: policy (kubegate-disallow-privilege-escalation)',
  'apps/worker/deployment.yaml:19 failure Deployment worker: policy (kubegate-disallow-privileged)',
  'apps/worker/deployment.yaml:20 warning Deployment worker: policy (kubegate-require-memory-limit)',
];
export const POLICY_TITLE = '2 policy violations, 1 warning';

export const annotationLines = (annotations: readonly JsonObject[]): string[] =>
  annotations.map((a) => `${String(a['path'])}:${String(a['start_line'])} ${String(a['annotation_level'])} ${String(a['title'])}`);

/** A policy of the repository's own (policies.directory): every Deployment names its team. */
export const TEAM_LABEL_POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: require-team-label
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [deployments]
  validations:
    - expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
      message: label the Deployment with its team
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: require-team-label
spec:
  policyName: require-team-label
  validationActions: [Deny]
`;
