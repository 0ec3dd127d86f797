// What the API server checks in metadata and a JSON schema cannot express:
// the name syntax of each kind, generateName, the namespace, label keys and
// values (also in templates and selectors), annotation keys and size.
// Problems are appended to `errors` (this runs for every object).
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
  const slash = object.apiVersion.lastIndexOf('/');
  return `${slash === -1 ? '' : object.apiVersion.slice(0, slash)}/${object.kind}`;
}

function report(errors: FieldError[], rule: string, segments: FieldPath, msg: string): void {
  errors.push({ path: displayPath(segments), segments, msg, rule });
}

function checkName(object: ManifestObject, metadata: Part, errors: FieldError[]): void {
  const kind = groupKind(object);
  const syntax = NAME_SYNTAX[kind] ?? 'dns1123-subdomain';
  const { name, generateName } = metadata.value;
  if (typeof name === 'string' && name !== '') {
    const max = MAX_NAME_LENGTH[kind];
    const problem = max !== undefined && name.length > max ? `is ${name.length} characters long; a ${object.kind} name has at most ${max}` : undefined;
    const syntaxProblem = problem ?? nameProblem(syntax, name);
    if (syntaxProblem) report(errors, 'metadata-name', [...metadata.path, 'name'], `name '${name}' is not valid for a ${object.kind}: it ${syntaxProblem}`);
    return;
  }
  if (typeof generateName === 'string' && generateName !== '') {
    const problem = nameProblem(syntax, generateName.replace(/-$/, 'a'));
    if (problem) report(errors, 'metadata-name', [...metadata.path, 'generateName'], `generateName '${generateName}' is not a valid prefix: it ${problem}`);
    return;
  }
  report(errors, 'metadata-name', metadata.path, `${object.kind} has no metadata.name; give it a name (or a generateName)`);
}

function checkNamespace(metadata: Part, errors: FieldError[]): void {
  const namespace = metadata.value['namespace'];
  if (typeof namespace !== 'string' || namespace === '') return;
  const problem = nameProblem('dns1123-label', namespace);
  if (problem) report(errors, 'metadata-namespace', [...metadata.path, 'namespace'], `namespace '${namespace}' is not valid: it ${problem}`);
}

/** Checks a label map at `path` (+ `field` when given; joined only when there is something to report). */
function checkLabelMap(labels: Record<string, unknown>, path: FieldPath, field: string | undefined, what: string, errors: FieldError[]): void {
  for (const key in labels) {
    const value = labels[key];
    const keyProblem = qualifiedNameProblem(key);
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (!keyProblem && !valueProblem) continue;
    const at = field === undefined ? [...path, key] : [...path, field, key];
    if (keyProblem) report(errors, 'labels', at, `${what} key '${key}' ${keyProblem}`);
    if (valueProblem) report(errors, 'labels', at, `${what} value '${String(value)}' ${valueProblem}`);
  }
}

function checkAnnotations(metadata: Part, errors: FieldError[]): void {
  const annotations = metadata.value['annotations'];
  if (!isPlainObject(annotations)) return;
  let bytes = 0;
  for (const key in annotations) {
    const value = annotations[key];
    bytes += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem) report(errors, 'annotations', [...metadata.path, 'annotations', key], `annotation key '${key}' ${problem}`);
  }
  if (bytes > MAX_ANNOTATIONS_BYTES) {
    report(errors, 'annotations', [...metadata.path, 'annotations'], `annotations take ${bytes} bytes; Kubernetes allows at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) per object`);
  }
}

function checkLabelsAndAnnotations(metadata: Part, errors: FieldError[]): void {
  const labels = metadata.value['labels'];
  if (isPlainObject(labels)) checkLabelMap(labels, metadata.path, 'labels', 'label', errors);
  checkAnnotations(metadata, errors);
}

const OWN_METADATA: FieldPath = ['metadata'];
const NO_METADATA: Record<string, unknown> = {};

/** The metadata checks for one object; appends what it finds to `errors`. */
export function checkMetadata(object: ManifestObject, errors: FieldError[]): void {
  const body = object.body;
  const metadata = body['metadata'];
  const own: Part = { value: isPlainObject(metadata) ? metadata : NO_METADATA, path: OWN_METADATA };
  checkName(object, own, errors);
  checkNamespace(own, errors);
  checkLabelsAndAnnotations(own, errors);
  for (const template of templateMetadata(body)) checkLabelsAndAnnotations(template, errors);
  for (const selector of selectorLabels(body, object.apiVersion, object.kind)) checkLabelMap(selector.value, selector.path, undefined, 'selector label', errors);
}
