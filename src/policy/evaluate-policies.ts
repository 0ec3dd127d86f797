// evaluatePolicies: every bound policy on every admission request that
// applying the head manifests (over the base manifests) would make.
import { isDeepStrictEqual } from 'node:util';
import type { ManifestObject } from '../core/types.js';
import { dottedPath } from '../validate/field-path.js';
import { requestActivation, type RequestActivation } from './evaluate/activation.js';
import { type AdmissionEvent, admissionEvents } from './evaluate/admission-events.js';
import { evaluateBinding, type Violation } from './evaluate/evaluate-binding.js';
import { findingPath } from './evaluate/field-line.js';
import { buildManifestContext, type ManifestContext } from './evaluate/manifest-context.js';
import { resolveParams } from './evaluate/resolve-params.js';
import { isExempt } from './match/match-exemption.js';
import { matchesResources } from './match/match-resources.js';
import type { CompiledBinding, CompiledPolicy, PolicyFinding, PolicySet, ValidationAction } from './types.js';

export interface EvaluatePoliciesInput {
  policies: PolicySet;
  /** Objects at the pull request's head (rendered). */
  head: readonly ManifestObject[];
  /** The same at the base; [] when there is none (every object is a CREATE). */
  base: readonly ManifestObject[];
}

const LEVEL = { Deny: 'failure', Warn: 'warning', Audit: 'notice' } as const;

function strongestAction(actions: readonly ValidationAction[]): ValidationAction {
  if (actions.includes('Deny')) return 'Deny';
  return actions.includes('Warn') ? 'Warn' : 'Audit';
}

function isUnchanged(event: AdmissionEvent): boolean {
  return event.operation === 'UPDATE' && event.object !== undefined && isDeepStrictEqual(event.object.body, event.oldObject?.body);
}

function toFinding(policy: CompiledPolicy, binding: CompiledBinding, event: AdmissionEvent, violation: Violation): PolicyFinding {
  const object = event.object ?? event.oldObject;
  if (!object) throw new Error('an admission event without an object');
  const path = violation.path ?? (violation.expression ? findingPath(violation.expression, policy, object) : []);
  const action = strongestAction(binding.validationActions);
  const ref = { apiVersion: object.apiVersion, kind: object.kind, name: object.name, ...(event.attrs.namespaced ? { namespace: event.attrs.namespace } : {}) };
  return {
    check: 'policy',
    level: LEVEL[action],
    file: object.source.file,
    line: path.length > 0 ? object.lineOf(path) : object.source.line,
    rule: policy.name,
    message: violation.message,
    object: ref,
    ...(path.length > 0 ? { field: dottedPath(path) } : {}),
    policy: policy.name,
    binding: binding.name,
    action,
    operation: event.operation,
    ...(isUnchanged(event) ? { unchanged: true as const } : {}),
    ...(path.length > 0 ? { fieldPath: path } : {}),
    ...ref,
  };
}

function evaluateEvent(set: PolicySet, byName: ReadonlyMap<string, CompiledPolicy>, event: AdmissionEvent, ctx: ManifestContext): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  let base: RequestActivation | undefined;
  const request = (): RequestActivation => (base ??= requestActivation(event, ctx.namespaceObjects));
  for (const binding of set.bindings) {
    const policy = byName.get(binding.policyName);
    if (!policy || !matchesResources(policy.matchConstraints, event.attrs)) continue;
    if (binding.matchResources && !matchesResources(binding.matchResources, event.attrs)) continue;
    if (isExempt(set.exemptions, policy.name, event.attrs)) continue;
    const params = resolveParams(policy, binding, event, ctx);
    for (const violation of evaluateBinding(policy, binding, params, request)) {
      findings.push(toFinding(policy, binding, event, violation));
    }
  }
  return findings;
}

export function evaluatePolicies(input: EvaluatePoliciesInput): PolicyFinding[] {
  const set = input.policies;
  const ctx = buildManifestContext(input.head, input.base, set.kubernetesVersion);
  const byName = new Map(set.policies.map((p) => [p.name, p]));
  return admissionEvents(input.head, input.base, ctx).flatMap((event) => evaluateEvent(set, byName, event, ctx));
}
