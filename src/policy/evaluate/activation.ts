// The variables a policy expression sees: object, oldObject, request, params,
// namespaceObject, and `variables` (each computed on first use, at most once).
import type { ManifestObject } from '../../core/types.js';
import { toCelValue } from '../cel/index.js';
import type { CompiledPolicy } from '../types.js';
import type { AdmissionEvent } from './admission-events.js';
import { NAMESPACE_NAME_LABEL } from './manifest-context.js';

const converted = new WeakMap<object, unknown>();

/** The manifest's body as CEL data (converted once per object). */
export function celObject(object: ManifestObject | undefined): unknown {
  if (!object) return null;
  let value = converted.get(object);
  if (value === undefined) {
    value = toCelValue(object.body);
    converted.set(object, value);
  }
  return value;
}

const requests = new WeakMap<AdmissionEvent, unknown>();

function requestOf(event: AdmissionEvent): unknown {
  let request = requests.get(event);
  if (request) return request;
  const a = event.attrs;
  const kind = { group: a.group, version: a.version, kind: a.kind };
  const resource = { group: a.group, version: a.version, resource: a.resource };
  request = {
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
  requests.set(event, request);
  return request;
}

function namespaceObjectOf(event: AdmissionEvent, namespaces: ReadonlyMap<string, ManifestObject>): unknown {
  const a = event.attrs;
  if (!a.namespaced) return null;
  const known = namespaces.get(a.namespace);
  if (known) return celObject(known);
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: a.namespace, labels: { [NAMESPACE_NAME_LABEL]: a.namespace } } };
}

export interface ActivationInput {
  policy: CompiledPolicy;
  event: AdmissionEvent;
  params: ManifestObject | null;
  namespaces: ReadonlyMap<string, ManifestObject>;
}

function defineLazy(target: Record<string, unknown>, name: string, compute: () => unknown): void {
  let state: { value: unknown } | { error: Error } | undefined;
  Object.defineProperty(target, name, {
    enumerable: true,
    get(): unknown {
      state ??= (() => {
        try {
          return { value: compute() };
        } catch (err: unknown) {
          return { error: err instanceof Error ? err : new Error(String(err)) };
        }
      })();
      if ('error' in state) throw state.error;
      return state.value;
    },
  });
}

export function buildActivation(input: ActivationInput): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const activation: Record<string, unknown> = {
    object: celObject(input.event.object),
    oldObject: celObject(input.event.oldObject),
    request: requestOf(input.event),
    params: input.params ? celObject(input.params) : null,
    namespaceObject: namespaceObjectOf(input.event, input.namespaces),
    variables,
  };
  for (const v of input.policy.variables) {
    defineLazy(variables, v.name, () => {
      const outcome = v.expression.program.evaluate(activation);
      if (!outcome.ok) throw new Error(`variables.${v.name}: ${outcome.error.message}`);
      return outcome.value;
    });
  }
  return activation;
}
