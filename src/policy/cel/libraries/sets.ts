// cel-go's sets extension as Kubernetes enables it: sets.contains,
// sets.equivalent, sets.intersects. "sets" is a namespace constant whose
// receiver functions take the lists.
import type { CelRegistry } from '../cel-registry.js';
import { celEquals } from '../value-compare.js';

class SetsNamespace {}

function includes(list: readonly unknown[], value: unknown): boolean {
  return list.some((item) => celEquals(item, value));
}

function contains(_ns: SetsNamespace, list: readonly unknown[], sub: readonly unknown[]): boolean {
  return sub.every((item) => includes(list, item));
}

function equivalent(ns: SetsNamespace, a: readonly unknown[], b: readonly unknown[]): boolean {
  return contains(ns, a, b) && contains(ns, b, a);
}

function intersects(_ns: SetsNamespace, a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.some((item) => includes(b, item));
}

export function registerSets(r: CelRegistry): void {
  r.type('kubegate.SetsNamespace', SetsNamespace);
  r.constant('sets', 'kubegate.SetsNamespace', new SetsNamespace());
  r.fn('kubegate.SetsNamespace.contains(list, list): bool', contains);
  r.fn('kubegate.SetsNamespace.equivalent(list, list): bool', equivalent);
  r.fn('kubegate.SetsNamespace.intersects(list, list): bool', intersects);
}
