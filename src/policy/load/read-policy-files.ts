// Policy files -> compiled policies and bindings. A broken document is a
// problem naming the file, line and policy; every other policy still loads.
import type { ManifestObject } from '../../core/types.js';
import { loadManifests } from '../../manifests/index.js';
import type { CompiledBinding, CompiledPolicy, PolicyProblem } from '../types.js';
import { readBinding } from './read-binding.js';
import { readPolicy } from './read-policy.js';

export interface PolicyFile {
  file: string;
  content: string | Buffer;
}

export interface ReadPolicies {
  policies: CompiledPolicy[];
  bindings: CompiledBinding[];
  problems: PolicyProblem[];
  /** Policies that failed to load (their bindings are dropped without a second problem). */
  broken: string[];
}

const GROUP = 'admissionregistration.k8s.io/';
const VERSIONS = new Set(['v1', 'v1beta1', 'v1alpha1']);

function admissionKind(object: ManifestObject): string | undefined {
  const [group, version] = [object.apiVersion.slice(0, GROUP.length), object.apiVersion.slice(GROUP.length)];
  return group === GROUP && VERSIONS.has(version) ? object.kind : undefined;
}

/** "spec.validations[0].expression: ..." -> [spec, validations, 0, expression]; metadata.annotations["key"] -> [metadata, annotations, key] */
function fieldPathOf(message: string): Array<string | number> {
  const field = /^(?:spec|metadata)(?:\.[A-Za-z]+|\[\d+\]|\["[^"]*"\])*/.exec(message)?.[0] ?? '';
  return [...field.matchAll(/([A-Za-z]+)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => m[3] ?? (m[2] === undefined ? (m[1] ?? '') : Number(m[2])));
}

function problemsOf(object: ManifestObject, errors: string[], what: string): PolicyProblem[] {
  return errors.map((message) => {
    const path = fieldPathOf(message);
    const line = path.length > 0 ? object.lineOf(path) : object.source.line;
    return { file: object.source.file, line, policy: object.name, message: `${what} "${object.name}": ${message}` };
  });
}

function readObject(object: ManifestObject, builtin: boolean, out: ReadPolicies): void {
  const kind = admissionKind(object);
  if (kind === 'ValidatingAdmissionPolicy') {
    const { policy, errors } = readPolicy(object, builtin);
    if (policy) out.policies.push(policy);
    else out.broken.push(object.name);
    out.problems.push(...problemsOf(object, errors, 'ValidatingAdmissionPolicy'));
  } else if (kind === 'ValidatingAdmissionPolicyBinding') {
    const { binding, errors } = readBinding(object);
    if (binding) out.bindings.push(binding);
    out.problems.push(...problemsOf(object, errors, 'ValidatingAdmissionPolicyBinding'));
  } else {
    out.problems.push({
      file: object.source.file,
      line: object.source.line,
      message: `${object.kind} "${object.name}" is not a policy: policy files hold admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects (params objects belong with the manifests)`,
    });
  }
}

export function readPolicyFiles(files: readonly PolicyFile[], builtin: boolean): ReadPolicies {
  const out: ReadPolicies = { policies: [], bindings: [], problems: [], broken: [] };
  for (const { file, content } of files) {
    const loaded = loadManifests(file, content);
    out.problems.push(...loaded.errors.map((e) => ({ file: e.file, line: e.line, message: e.message })));
    for (const object of loaded.objects) readObject(object, builtin, out);
  }
  return out;
}
