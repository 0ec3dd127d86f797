import type { CelRegistry } from '../cel-registry.js';
import { registerConversions } from './conversions.js';
import { registerIpCidr } from './ip-cidr.js';
import { registerLists } from './lists.js';
import { registerQuantity } from './quantity.js';
import { registerRegex } from './regex.js';
import { registerSets } from './sets.js';
import { registerStrings } from './strings.js';
import { registerUrls } from './urls.js';

/** The Kubernetes CEL libraries kubegate provides on top of cel-js's standard library. */
export const KUBERNETES_LIBRARIES: ReadonlyArray<{ name: string; register: (r: CelRegistry) => void }> = [
  { name: 'conversions', register: registerConversions },
  { name: 'lists', register: registerLists },
  { name: 'sets', register: registerSets },
  { name: 'regex', register: registerRegex },
  { name: 'strings', register: registerStrings },
  { name: 'quantity', register: registerQuantity },
  { name: 'urls', register: registerUrls },
  { name: 'ip/cidr', register: registerIpCidr },
];

export function registerKubernetesLibraries(r: CelRegistry): void {
  for (const library of KUBERNETES_LIBRARIES) library.register(r);
}
