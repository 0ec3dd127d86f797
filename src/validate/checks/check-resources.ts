// Container resources as the API server checks them: quantities are not
// negative, and a request does not exceed the limit of the same resource.
// (Quantity syntax itself is a schema keyword, see normalize-schema.ts.)
import type { ManifestObject } from '../../core/types.js';
import { isPlainObject } from '../../manifests/classify-document.js';
import { displayPath } from '../field-path.js';
import { quantityValue } from '../quantity.js';
import type { FieldError } from '../types.js';
import { podSpecs, type Part } from './object-parts.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

function checkContainer(container: Part): FieldError[] {
  const resources = container.value['resources'];
  if (!isPlainObject(resources)) return [];
  const requests = isPlainObject(resources['requests']) ? resources['requests'] : {};
  const limits = isPlainObject(resources['limits']) ? resources['limits'] : {};
  const errors: FieldError[] = [];
  for (const [kind, map] of [['requests', requests], ['limits', limits]] as const) {
    for (const [name, quantity] of Object.entries(map)) {
      const value = quantityValue(quantity);
      if (value !== undefined && value < 0) {
        const segments = [...container.path, 'resources', kind, name];
        errors.push({ path: displayPath(segments), segments, rule: 'resources', msg: `${kind}.${name} is ${String(quantity)}; quantities must not be negative` });
      }
    }
  }
  for (const [name, request] of Object.entries(requests)) {
    const requested = quantityValue(request);
    const limit = quantityValue(limits[name]);
    if (requested === undefined || limit === undefined || requested <= limit) continue;
    const segments = [...container.path, 'resources', 'requests', name];
    errors.push({
      path: displayPath(segments),
      segments,
      rule: 'resources',
      msg: `requests.${name} (${String(request)}) is more than limits.${name} (${String(limits[name])}); a request must not exceed its limit`,
    });
  }
  return errors;
}

export function checkResources(object: ManifestObject): FieldError[] {
  return podSpecs(object.body, object.kind).flatMap((spec) =>
    CONTAINER_LISTS.flatMap((list) => {
      const containers = spec.value[list];
      if (!Array.isArray(containers)) return [];
      return containers.flatMap((container: unknown, index: number) =>
        isPlainObject(container) ? checkContainer({ value: container, path: [...spec.path, list, index] }) : [],
      );
    }),
  );
}
