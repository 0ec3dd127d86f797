// Points rendered objects back at the repository files they come from: the
// resource manifest declaring the same kind and name (also when a namePrefix,
// nameSuffix, generator hash or namespace was applied), and for a field, the
// patch that sets it when one does. Best effort: objects with no source (e.g.
// from a generator) point at the overlay's kustomization file, line 1.
import type { FieldPath, ManifestObject, SourceLocation } from '../../core/types.js';
import type { LocateField } from '../types.js';

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Candidates of the same kind whose name is the rendered name or part of it, best first. Patches are tried last-applied first. */
function matching(rendered: ManifestObject, sources: readonly ManifestObject[]): ManifestObject[] {
  const score = (s: ManifestObject): number =>
    (s.name === rendered.name ? 1000 : s.name.length) + (s.namespace !== undefined && s.namespace === rendered.namespace ? 1 : 0);
  return sources
    .filter((s) => s.kind === rendered.kind && group(s.apiVersion) === group(rendered.apiVersion))
    .filter((s) => s.name !== '' && rendered.name.includes(s.name))
    .sort((a, b) => score(b) - score(a));
}

function hasField(body: unknown, path: FieldPath): boolean {
  let node = body;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return false;
    if (!Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return true;
}

/** The patch's line for the field, when the patch itself sets that field. */
function fieldIn(patch: ManifestObject, path: FieldPath): SourceLocation | undefined {
  if (path.length === 0 || !hasField(patch.body, path)) return undefined;
  return { file: patch.source.file, line: patch.lineOf(path) };
}

export interface MappedObject {
  /** The rendered object, with `source` and `lineOf` pointing at its source manifest. */
  object: ManifestObject;
  locate: LocateField;
}

export function mapRenderedObject(
  rendered: ManifestObject,
  sources: readonly ManifestObject[],
  patches: readonly ManifestObject[],
  kustomizationFile: string,
): MappedObject {
  const source = matching(rendered, sources)[0];
  const patchesFirst = patches.filter((p) => matching(rendered, [p]).length > 0).reverse();
  const origin: SourceLocation = source ? { ...source.source } : { file: kustomizationFile, line: 1 };
  const locate: LocateField = (path) => {
    for (const p of patchesFirst) {
      const hit = fieldIn(p, path);
      if (hit) return hit;
    }
    return source ? { file: source.source.file, line: source.lineOf(path) } : origin;
  };
  const object: ManifestObject = {
    apiVersion: rendered.apiVersion,
    kind: rendered.kind,
    name: rendered.name,
    ...(rendered.namespace !== undefined ? { namespace: rendered.namespace } : {}),
    body: rendered.body,
    source: origin,
    documentIndex: source?.documentIndex ?? rendered.documentIndex,
    lineOf: (path) => (source ? source.lineOf(path) : origin.line),
  };
  return { object, locate };
}
