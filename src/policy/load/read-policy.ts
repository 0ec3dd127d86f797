// A ValidatingAdmissionPolicy object -> CompiledPolicy, or the reasons it cannot be used.
import type { ManifestObject } from '../../core/types.js';
import type { CompiledPolicy, CompiledValidation, PolicyExpression } from '../types.js';
import { compileExpression } from './compile-expression.js';
import { readFieldPaths } from './read-field-paths.js';
import { asRecord, asString } from './read-fields.js';
import { readMatchResources } from './read-match-resources.js';

export const RATIONALE_ANNOTATION = 'kubegate.dev/rationale';
export const KUBEGATE_ONLY_ANNOTATION = 'kubegate.dev/kubegate-only';

function readNamed(raw: unknown, where: string, errors: string[]): Array<{ name: string; expression: PolicyExpression }> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`${where} must be a list`);
    return [];
  }
  const out: Array<{ name: string; expression: PolicyExpression }> = [];
  for (const [i, item] of raw.entries()) {
    const entry = asRecord(item) ?? {};
    const name = asString(entry.name);
    if (!name) errors.push(`${where}[${i}].name must be a string`);
    const expression = compileExpression(entry.expression, `${where}[${i}].expression`, errors);
    if (name && expression) out.push({ name, expression });
  }
  return out;
}

function readValidation(raw: unknown, where: string, errors: string[], fieldPath: PolicyExpression | undefined): CompiledValidation | undefined {
  const v = asRecord(raw) ?? {};
  const expression = compileExpression(v.expression, `${where}.expression`, errors);
  const messageExpression = v.messageExpression === undefined ? undefined : compileExpression(v.messageExpression, `${where}.messageExpression`, errors);
  if (!expression) return undefined;
  const message = asString(v.message);
  const reason = asString(v.reason);
  return {
    expression,
    ...(message ? { message } : {}),
    ...(messageExpression ? { messageExpression } : {}),
    ...(reason ? { reason } : {}),
    ...(fieldPath ? { fieldPath } : {}),
  };
}

function readValidations(raw: unknown, annotations: Record<string, unknown>, errors: string[]): CompiledValidation[] {
  if (raw !== undefined && !Array.isArray(raw)) {
    errors.push('spec.validations must be a list');
    return [];
  }
  const list: unknown[] = raw ?? [];
  const fieldPaths = readFieldPaths(annotations, list.length, errors);
  return list.map((v, i) => readValidation(v, `spec.validations[${i}]`, errors, fieldPaths[i])).filter((v): v is CompiledValidation => v !== undefined);
}

function readParamKind(raw: unknown, errors: string[]): CompiledPolicy['paramKind'] {
  if (raw === undefined) return undefined;
  const p = asRecord(raw) ?? {};
  const apiVersion = asString(p.apiVersion);
  const kind = asString(p.kind);
  if (apiVersion && kind) return { apiVersion, kind };
  errors.push('spec.paramKind needs apiVersion and kind');
  return undefined;
}

export function readPolicy(object: ManifestObject, builtin: boolean): { policy?: CompiledPolicy; errors: string[] } {
  const errors: string[] = [];
  const spec = asRecord(object.body.spec) ?? {};
  const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
  const failurePolicy = spec.failurePolicy ?? 'Fail';
  if (failurePolicy !== 'Fail' && failurePolicy !== 'Ignore') errors.push('spec.failurePolicy must be Fail or Ignore');
  if (spec.matchConstraints === undefined) errors.push('spec.matchConstraints is required (resourceRules saying which objects the policy checks)');
  const matchConstraints = readMatchResources(spec.matchConstraints, 'spec.matchConstraints', errors);
  if (spec.matchConstraints !== undefined && matchConstraints.resourceRules.length === 0) errors.push('spec.matchConstraints.resourceRules must name at least one rule');
  const paramKind = readParamKind(spec.paramKind, errors);
  const policy: CompiledPolicy = {
    name: object.name,
    file: object.source.file,
    line: object.source.line,
    builtin,
    failurePolicy: failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    matchConstraints,
    matchConditions: readNamed(spec.matchConditions, 'spec.matchConditions', errors),
    variables: readNamed(spec.variables, 'spec.variables', errors),
    validations: readValidations(spec.validations, annotations, errors),
    ...(paramKind ? { paramKind } : {}),
  };
  const rationale = asString(annotations[RATIONALE_ANNOTATION]);
  if (rationale) policy.rationale = rationale;
  const kubegateOnly = asString(annotations[KUBEGATE_ONLY_ANNOTATION]);
  if (kubegateOnly) policy.kubegateOnly = kubegateOnly;
  return errors.length > 0 ? { errors } : { policy, errors };
}
