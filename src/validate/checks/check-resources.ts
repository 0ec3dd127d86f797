// Container resources as the API server checks them: quantities are not
// negative, and a request does not exceed the limit of the same resource.
// (Quantity syntax itself is a schema keyword, see normalize-schema.ts.)
import type { FieldPath, ManifestObject } from '../../core/types.js';
import { isPlainObject } from '../../manifests/classify-document.js';
import { displayPath } from '../field-path.js';
import { quantityValue } from '../quantity.js';
import type { FieldError } from '../types.js';
import { podSpecs } from './object-parts.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

function report(errors: FieldError[], segments: FieldPath, msg: string): void {
  errors.push({ path: displayPath(segments), segments, rule: 'resources', msg });
}

function checkContainer(container: Record<string, unknown>, path: FieldPath, errors: FieldError[]): void {
  const resources = container['resources'];
  if (!isPlainObject(resources)) return;
  const requests = isPlainObject(resources['requests']) ? resources['requests'] : {};
  const limits = isPlainObject(resources['limits']) ? resources['limits'] : {};
  for (const [kind, map] of [['requests', requests], ['limits', limits]] as const) {
    for (const name in map) {
      const value = quantityValue(map[name]);
      if (value !== undefined && value < 0) {
        report(errors, [...path, 'resources', kind, name], `${kind}.${name} is ${String(map[name])}; quantities must not be negative`);
      }
    }
  }
  for (const name in requests) {
    const requested = quantityValue(requests[name]);
    const limit = quantityValue(limits[name]);
    if (requested === undefined || limit === undefined || requested <= limit) continue;
    report(
      errors,
      [...path, 'resources', 'requests', name],
      `requests.${name} (${String(requests[name])}) is more than limits.${name} (${String(limits[name])}); a request must not exceed its limit`,
    );
  }
}

/** Appends the resource problems of every container of the object's pod specs to `errors`. */
export function checkResources(object: ManifestObject, errors: FieldError[]): void {
  for (const spec of podSpecs(object.body, object.kind)) {
    for (const list of CONTAINER_LISTS) {
      const containers = spec.value[list];
      if (!Array.isArray(containers)) continue;
      containers.forEach((container: unknown, index: number) => {
        if (isPlainObject(container)) checkContainer(container, [...spec.path, list, index], errors);
      });
    }
  }
}
