// Decides what a parsed document is: an empty document, something that is not
// a Kubernetes object, an object missing kind or apiVersion, a Kubernetes
// object, or a `kind: List` whose items are objects (kubeconform expands any
// kind spelled "list", ignoring case, one level deep).
import type { DuplicateKey, FieldPath, ManifestObject } from '../core/types.js';
import type { LoadedDocument } from './types.js';

export interface DocumentContext {
  file: string;
  documentIndex: number;
  /** Line of the document's first content. */
  line: number;
  lineOf: (path: FieldPath) => number;
  duplicateKeys?: DuplicateKey[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toObject(
  body: Record<string, unknown>,
  kind: string,
  apiVersion: string,
  context: DocumentContext,
  prefix: FieldPath,
): ManifestObject {
  const metadata = isPlainObject(body['metadata']) ? body['metadata'] : {};
  const namespace = nonEmptyString(metadata['namespace']);
  const line = prefix.length === 0 ? context.line : context.lineOf(prefix);
  const object: ManifestObject = {
    apiVersion,
    kind,
    name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
    body,
    source: { file: context.file, line },
    documentIndex: context.documentIndex,
    lineOf: prefix.length === 0 ? context.lineOf : (path: FieldPath) => context.lineOf([...prefix, ...path]),
  };
  if (namespace !== undefined) object.namespace = namespace;
  if (context.duplicateKeys && prefix.length === 0) object.duplicateKeys = context.duplicateKeys;
  return object;
}

function classifyValue(value: unknown, context: DocumentContext, prefix: FieldPath, expandLists: boolean): LoadedDocument[] {
  const line = prefix.length === 0 ? context.line : context.lineOf(prefix);
  const place = { file: context.file, line, documentIndex: context.documentIndex };
  if (value === null || value === undefined) return [{ type: 'empty', ...place }];
  if (!isPlainObject(value)) return [{ type: 'not-kubernetes', reason: 'not-a-mapping', value, ...place }];
  const kind = nonEmptyString(value['kind']);
  const apiVersion = nonEmptyString(value['apiVersion']);
  if (kind === undefined && apiVersion === undefined) {
    return [{ type: 'not-kubernetes', reason: 'no-kind-or-apiversion', value, ...place }];
  }
  if (kind === undefined) {
    const message = `the object has apiVersion "${apiVersion}" but no kind; add the kind it is (e.g. kind: Deployment)`;
    return [{ type: 'incomplete', missing: 'kind', body: value, message, ...place }];
  }
  if (apiVersion === undefined) {
    const message = `the ${kind} has no apiVersion; add it (e.g. apiVersion: v1 or apps/v1)`;
    return [{ type: 'incomplete', missing: 'apiVersion', body: value, message, ...place }];
  }
  if (expandLists && kind.toLowerCase() === 'list') return classifyListItems(value, context);
  return [{ type: 'object', object: toObject(value, kind, apiVersion, context, prefix) }];
}

function classifyListItems(list: Record<string, unknown>, context: DocumentContext): LoadedDocument[] {
  const items = list['items'];
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) {
    const line = context.lineOf(['items']);
    return [{ type: 'error', file: context.file, line, documentIndex: context.documentIndex, message: 'the items of a List must be a sequence of objects' }];
  }
  return items.flatMap((item: unknown, index: number) => classifyValue(item, context, ['items', index], false));
}

export function classifyDocument(value: unknown, context: DocumentContext): LoadedDocument[] {
  return classifyValue(value, context, [], true);
}
