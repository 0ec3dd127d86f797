// One policy + binding on one admission request, as the apiserver's
// validating admission policy plugin does it: params, matchConditions, then
// every validation. Runtime errors follow failurePolicy (Fail: they count as
// a violation, with the binding's actions; Ignore: they are skipped).
import type { FieldPath, ManifestObject } from '../../core/types.js';
import type { CelOutcome } from '../cel/index.js';
import type { CompiledBinding, CompiledPolicy, CompiledValidation, PolicyExpression } from '../types.js';
import { policyActivation, type RequestActivation } from './activation.js';
import { parseFieldPath } from './parse-field-path.js';

export interface Violation {
  message: string;
  /** The expression the message is about (for the finding's line). */
  expression?: PolicyExpression;
  /** The field the policy says the failure is about (kubegate.dev/field-path). */
  path?: FieldPath;
}

function isError(outcome: CelOutcome, what: string): string | undefined {
  if (!outcome.ok) return outcome.error.message;
  if (typeof outcome.value !== 'boolean') return `${what} must evaluate to a bool, got ${typeof outcome.value === 'object' ? 'a list or map' : typeof outcome.value}`;
  return undefined;
}

function errorViolation(policy: CompiledPolicy, expression: PolicyExpression, error: string): Violation[] {
  if (policy.failurePolicy === 'Ignore') return [];
  return [{ message: `expression ${expression.field} could not be evaluated (failurePolicy Fail): ${error}`, expression }];
}

function messageOf(v: CompiledValidation, activation: Record<string, unknown>): string {
  if (v.messageExpression) {
    const outcome = v.messageExpression.program.evaluate(activation);
    if (outcome.ok && typeof outcome.value === 'string' && outcome.value.trim() !== '') return outcome.value.trim().replace(/\s*\n\s*/g, ' ');
  }
  return v.message ?? `failed expression: ${v.expression.program.source.trim()}`;
}

/**
 * The path the validation's kubegate.dev/field-path expression returns.
 * undefined (kubegate then guesses) when it has none, fails, or returns
 * something that is not a path: a hint must never cost a finding.
 */
function statedPath(v: CompiledValidation, activation: Record<string, unknown>): FieldPath | undefined {
  if (!v.fieldPath) return undefined;
  const outcome = v.fieldPath.program.evaluate(activation);
  return outcome.ok && typeof outcome.value === 'string' ? parseFieldPath(outcome.value) : undefined;
}

/** undefined: the policy does not apply (a matchCondition is false). */
function checkConditions(policy: CompiledPolicy, activation: Record<string, unknown>): Violation[] | undefined {
  for (const condition of policy.matchConditions) {
    const outcome = condition.expression.program.evaluate(activation);
    const error = isError(outcome, `matchCondition "${condition.name}"`);
    if (error) return policy.failurePolicy === 'Ignore' ? undefined : errorViolation(policy, condition.expression, error);
    if (outcome.ok && outcome.value === false) return undefined;
  }
  return [];
}

function runValidations(policy: CompiledPolicy, activation: Record<string, unknown>): Violation[] {
  const violations: Violation[] = [];
  for (const v of policy.validations) {
    const outcome = v.expression.program.evaluate(activation);
    const error = isError(outcome, v.expression.field);
    if (error) violations.push(...errorViolation(policy, v.expression, error));
    else if (outcome.ok && outcome.value === false) {
      const path = statedPath(v, activation);
      violations.push({ message: messageOf(v, activation), expression: v.expression, ...(path ? { path } : {}) });
    }
  }
  return violations;
}

export function evaluateBinding(
  policy: CompiledPolicy,
  binding: CompiledBinding,
  params: ReadonlyArray<ManifestObject | null>,
  request: () => RequestActivation,
): Violation[] {
  if (params.length === 0) {
    if (binding.paramRef?.parameterNotFoundAction === 'Allow') return [];
    return [{ message: `no params found for policy binding "${binding.name}" with \`Deny\` parameterNotFoundAction; add the ${policy.paramKind?.kind ?? 'params'} object it references to the manifests` }];
  }
  const violations: Violation[] = [];
  for (const p of params) {
    const activation = policyActivation(request(), policy, p);
    const conditions = checkConditions(policy, activation);
    if (conditions === undefined) continue;
    violations.push(...(conditions.length > 0 ? conditions : runValidations(policy, activation)));
  }
  return violations;
}
