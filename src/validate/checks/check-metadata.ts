// What the API server checks in metadata and a JSON schema cannot express:
// the name syntax of each kind, generateName, the namespace, label keys and
// values (also in templates and selectors), annotation keys and size.
import type { FieldPath, ManifestObject } from '../../core/types.js';
import { isPlainObject } from '../../manifests/classify-document.js';
import { displayPath } from '../field-path.js';
import type { FieldError } from '../types.js';
import { labelValueProblem, nameProblem, qualifiedNameProblem, type NameSyntax } from './name-syntax.js';
import { selectorLabels, templateMetadata, type Part } from './object-parts.js';

/** Kinds whose names follow another syntax than a DNS-1123 subdomain, by group/kind. */
const NAME_SYNTAX: Readonly<Record<string, NameSyntax>> = {
  '/Namespace': 'dns1123-label',
  '/Service': 'dns1035-label',
  'rbac.authorization.k8s.io/Role': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRole': 'path-segment',
  'rbac.authorization.k8s.io/RoleBinding': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRoleBinding': 'path-segment',
};
/** CronJob names get an 11-character suffix for their Jobs. */
const MAX_NAME_LENGTH: Readonly<Record<string, number>> = { 'batch/CronJob': 52 };
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

function groupKind(object: ManifestObject): string {
  const group = object.apiVersion.includes('/') ? object.apiVersion.slice(0, object.apiVersion.lastIndexOf('/')) : '';
  return `${group}/${object.kind}`;
}

function error(rule: string, segments: FieldPath, msg: string): FieldError {
  return { path: displayPath(segments), segments, msg, rule };
}

function checkName(object: ManifestObject, metadata: Part): FieldError[] {
  const syntax = NAME_SYNTAX[groupKind(object)] ?? 'dns1123-subdomain';
  const { name, generateName } = metadata.value;
  if (typeof name === 'string' && name !== '') {
    const max = MAX_NAME_LENGTH[groupKind(object)];
    if (max !== undefined && name.length > max) {
      return [error('metadata-name', [...metadata.path, 'name'], `name '${name}' is ${name.length} characters long; a ${object.kind} name has at most ${max}`)];
    }
    const problem = nameProblem(syntax, name);
    return problem ? [error('metadata-name', [...metadata.path, 'name'], `name '${name}' is not valid for a ${object.kind}: it ${problem}`)] : [];
  }
  if (typeof generateName === 'string' && generateName !== '') {
    const problem = nameProblem(syntax, generateName.replace(/-$/, 'a'));
    return problem ? [error('metadata-name', [...metadata.path, 'generateName'], `generateName '${generateName}' is not a valid prefix: it ${problem}`)] : [];
  }
  return [error('metadata-name', metadata.path, `${object.kind} has no metadata.name; give it a name (or a generateName)`)];
}

function checkNamespace(metadata: Part): FieldError[] {
  const namespace = metadata.value['namespace'];
  if (typeof namespace !== 'string' || namespace === '') return [];
  const problem = nameProblem('dns1123-label', namespace);
  return problem ? [error('metadata-namespace', [...metadata.path, 'namespace'], `namespace '${namespace}' is not valid: it ${problem}`)] : [];
}

function checkLabelMap(labels: Part, what: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels.value)) {
    const at = [...labels.path, key];
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) errors.push(error('labels', at, `${what} key '${key}' ${keyProblem}`));
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) errors.push(error('labels', at, `${what} value '${value as string}' ${valueProblem}`));
  }
  return errors;
}

function checkAnnotations(metadata: Part): FieldError[] {
  const annotations = metadata.value['annotations'];
  if (!isPlainObject(annotations)) return [];
  const path = [...metadata.path, 'annotations'];
  const errors: FieldError[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations)) {
    bytes += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem) errors.push(error('annotations', [...path, key], `annotation key '${key}' ${problem}`));
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    errors.push(error('annotations', path, `annotations take ${bytes} bytes; Kubernetes allows at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) per object`));
  }
  return errors;
}

function checkLabelsAndAnnotations(metadata: Part): FieldError[] {
  const labels = metadata.value['labels'];
  return [
    ...(isPlainObject(labels) ? checkLabelMap({ value: labels, path: [...metadata.path, 'labels'] }, 'label') : []),
    ...checkAnnotations(metadata),
  ];
}

/** The metadata checks for one object. */
export function checkMetadata(object: ManifestObject): FieldError[] {
  const body = object.body;
  const own: Part = { value: isPlainObject(body['metadata']) ? body['metadata'] : {}, path: ['metadata'] };
  return [
    ...checkName(object, own),
    ...checkNamespace(own),
    ...checkLabelsAndAnnotations(own),
    ...templateMetadata(body).flatMap(checkLabelsAndAnnotations),
    ...selectorLabels(body, object.apiVersion, object.kind).flatMap((selector) => checkLabelMap(selector, 'selector label')),
  ];
}
