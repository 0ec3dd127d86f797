// The variables a policy expression sees: object, oldObject, request, params,
// namespaceObject, and `variables` (each computed on first use, at most once).
import type { ManifestObject } from '../../core/types.js';
import { toCelValue } from '../cel/index.js';
import type { CompiledPolicy } from '../types.js';
import type { AdmissionEvent } from './admission-events.js';
import { NAMESPACE_NAME_LABEL } from './manifest-context.js';

/** What every policy sees of one admission request (built once per request). */
export interface RequestActivation {
  object: unknown;
  oldObject: unknown;
  request: unknown;
  namespaceObject: unknown;
}

function requestOf(event: AdmissionEvent): unknown {
  const a = event.attrs;
  const kind = { group: a.group, version: a.version, kind: a.kind };
  const resource = { group: a.group, version: a.version, resource: a.resource };
  return {
    uid: '',
    kind,
    resource,
    subResource: '',
    requestKind: kind,
    requestResource: resource,
    requestSubResource: '',
    name: a.name,
    namespace: a.namespace,
    operation: a.operation,
    userInfo: { username: '', uid: '', groups: [], extra: {} },
    dryRun: false,
  };
}

function namespaceObjectOf(event: AdmissionEvent, namespaces: ReadonlyMap<string, ManifestObject>): unknown {
  const a = event.attrs;
  if (!a.namespaced) return null;
  const known = namespaces.get(a.namespace);
  if (known) return toCelValue(known.body);
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: a.namespace, labels: { [NAMESPACE_NAME_LABEL]: a.namespace } } };
}

export function requestActivation(event: AdmissionEvent, namespaces: ReadonlyMap<string, ManifestObject>): RequestActivation {
  return {
    object: event.object ? toCelValue(event.object.body) : null,
    oldObject: event.oldObject ? toCelValue(event.oldObject.body) : null,
    request: requestOf(event),
    namespaceObject: namespaceObjectOf(event, namespaces),
  };
}

type Computed = { value: unknown } | { error: Error };

/** A Map whose get computes a policy variable on first use and keeps the result in the map. */
interface LazyVariables extends Map<string, unknown> {
  policy: CompiledPolicy;
  activation: Record<string, unknown>;
}

const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;

function computeVariable(vars: LazyVariables, name: string): Computed | undefined {
  const variable = vars.policy.variables.find((v) => v.name === name);
  if (!variable) return undefined;
  const outcome = variable.expression.program.evaluate(vars.activation);
  return outcome.ok ? { value: outcome.value } : { error: new Error(`variables.${name}: ${outcome.error.message}`) };
}

function getVariable(this: LazyVariables, name: string): unknown {
  let state = mapGet.call(this, name) as Computed | undefined;
  if (!state) {
    state = computeVariable(this, name);
    if (!state) return undefined;
    mapSet.call(this, name, state);
  }
  if ('error' in state) throw state.error;
  return state.value;
}

function hasVariable(this: LazyVariables, name: string): boolean {
  return this.policy.variables.some((v) => v.name === name);
}

/**
 * `variables` as a Map (cel-js reads map fields through get): unused
 * variables cost nothing, and each runs at most once per activation.
 */
function lazyVariables(policy: CompiledPolicy, activation: Record<string, unknown>): Map<string, unknown> {
  const vars = new Map<string, unknown>() as LazyVariables;
  vars.policy = policy;
  vars.activation = activation;
  vars.get = getVariable;
  vars.has = hasVariable;
  return vars;
}

const NO_VARIABLES: ReadonlyMap<string, unknown> = new Map();

/** The activation for one policy: the request's values, params and the policy's variables. */
export function policyActivation(base: RequestActivation, policy: CompiledPolicy, params: ManifestObject | null): Record<string, unknown> {
  const activation: Record<string, unknown> = {
    object: base.object,
    oldObject: base.oldObject,
    request: base.request,
    namespaceObject: base.namespaceObject,
    params: params ? toCelValue(params.body) : null,
    variables: NO_VARIABLES,
  };
  if (policy.variables.length > 0) activation.variables = lazyVariables(policy, activation);
  return activation;
}
