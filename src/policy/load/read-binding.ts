// A ValidatingAdmissionPolicyBinding object -> CompiledBinding, or the reasons it cannot be used.
import type { ManifestObject } from '../../core/types.js';
import type { CompiledBinding, ParamRef, ValidationAction } from '../types.js';
import { asRecord, asString, asStringList } from './read-fields.js';
import { readLabelSelector } from './read-label-selector.js';
import { readMatchResources } from './read-match-resources.js';

const ACTIONS = new Set(['Deny', 'Warn', 'Audit']);

function readActions(raw: unknown, errors: string[]): ValidationAction[] {
  const list = asStringList(raw);
  if (!list || list.length === 0) {
    errors.push('spec.validationActions must list at least one of Deny, Warn, Audit');
    return [];
  }
  const bad = list.find((a) => !ACTIONS.has(a));
  if (bad) errors.push(`spec.validationActions: unknown action "${bad}" (use Deny, Warn or Audit)`);
  if (list.includes('Deny') && list.includes('Warn')) errors.push('spec.validationActions: Deny and Warn cannot be combined (Deny already tells the client)');
  return list.filter((a): a is ValidationAction => ACTIONS.has(a));
}

function readParamRef(raw: unknown, errors: string[]): ParamRef | undefined {
  if (raw === undefined) return undefined;
  const p = asRecord(raw) ?? {};
  const action = p.parameterNotFoundAction ?? 'Deny';
  if (action !== 'Allow' && action !== 'Deny') errors.push('spec.paramRef.parameterNotFoundAction must be Allow or Deny');
  const ref: ParamRef = { parameterNotFoundAction: action === 'Allow' ? 'Allow' : 'Deny' };
  const name = asString(p.name);
  const namespace = asString(p.namespace);
  if (name) ref.name = name;
  if (namespace) ref.namespace = namespace;
  if (p.selector !== undefined) {
    const selector = readLabelSelector(p.selector);
    if (typeof selector === 'string') errors.push(`spec.paramRef.selector: ${selector}`);
    else ref.selector = selector;
  }
  if (ref.name !== undefined && ref.selector !== undefined) errors.push('spec.paramRef: set name or selector, not both');
  if (ref.name === undefined && ref.selector === undefined) errors.push('spec.paramRef needs a name or a selector');
  return ref;
}

export function readBinding(object: ManifestObject): { binding?: CompiledBinding; errors: string[] } {
  const errors: string[] = [];
  const spec = asRecord(object.body.spec) ?? {};
  const policyName = asString(spec.policyName);
  if (!policyName) errors.push('spec.policyName must name a ValidatingAdmissionPolicy');
  const validationActions = readActions(spec.validationActions, errors);
  const paramRef = readParamRef(spec.paramRef, errors);
  const matchResources = spec.matchResources === undefined ? undefined : readMatchResources(spec.matchResources, 'spec.matchResources', errors);
  if (errors.length > 0 || !policyName) return { errors };
  const binding: CompiledBinding = {
    name: object.name,
    file: object.source.file,
    line: object.source.line,
    policyName,
    validationActions,
    ...(paramRef ? { paramRef } : {}),
    ...(matchResources ? { matchResources } : {}),
  };
  return { binding, errors };
}
