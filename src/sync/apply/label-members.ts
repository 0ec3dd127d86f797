// Every object of the environment carries the ApplySet membership label
// (applyset.kubernetes.io/part-of=<id>), added to the object as rendered.
import type { ManifestObject } from '../../core/types.js';
import { APPLYSET_PART_OF_LABEL } from '../applyset-keys.js';

function asMap(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function labelMembers(objects: readonly ManifestObject[], id: string): ManifestObject[] {
  return objects.map((object) => {
    const metadata = asMap(object.body.metadata);
    const labels = { ...asMap(metadata.labels), [APPLYSET_PART_OF_LABEL]: id };
    return { ...object, body: { ...object.body, metadata: { ...metadata, labels } } };
  });
}
