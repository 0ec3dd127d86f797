// CustomResourceDefinitions anywhere in the repository, so custom resources
// validate against their openAPIV3Schema even when only the resource changed.
// Only files that mention the kind are parsed.
import type { ManifestObject, Snapshot } from '../core/types.js';
import type { ParseManifests } from '../render/types.js';
import { readFileText } from './read-file-text.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export function collectRepoCrds(head: Snapshot, parse: ParseManifests): ManifestObject[] {
  const crds: ManifestObject[] = [];
  for (const file of head.files.values()) {
    if (file.type !== 'file' || !MANIFEST_FILE.test(file.path) || !file.content?.includes('CustomResourceDefinition')) continue;
    const read = readFileText(file);
    if (!read.ok) continue;
    for (const o of parse(file.path, read.text).objects) if (o.kind === 'CustomResourceDefinition') crds.push(o);
  }
  return crds;
}
