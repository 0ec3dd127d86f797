// Kubernetes' CEL list library (k8s.io/apiserver/pkg/cel/library/lists.go):
// isSorted, sum, min, max, indexOf, lastIndexOf.
import { Duration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';
import { celCompare, celEquals, describeType } from '../value-compare.js';

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function isSorted(list: readonly unknown[]): boolean {
  for (let i = 1; i < list.length; i++) if (celCompare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function addPair(total: unknown, item: unknown): unknown {
  if (typeof total === 'bigint' && typeof item === 'bigint') {
    const sum = total + item;
    if (sum > INT64_MAX || sum < INT64_MIN) throw celRuntimeError('sum(): integer overflow');
    return sum;
  }
  if (typeof total === 'number' && typeof item === 'number') return total + item;
  if (total instanceof UnsignedInt && item instanceof UnsignedInt) return new UnsignedInt(total.value + item.value);
  if (total instanceof Duration && item instanceof Duration) return total.addDuration(item);
  throw celRuntimeError(`sum(): cannot add ${describeType(item)} to ${describeType(total)}; the list must hold one numeric or duration type`);
}

function sum(list: readonly unknown[]): unknown {
  if (list.length === 0) return 0n;
  return list.slice(1).reduce(addPair, list[0]);
}

function extreme(name: 'min' | 'max', list: readonly unknown[]): unknown {
  if (list.length === 0) throw celRuntimeError(`${name} called on empty list`);
  let best = list[0];
  for (const item of list.slice(1)) {
    const order = celCompare(item, best);
    if (name === 'min' ? order < 0 : order > 0) best = item;
  }
  return best;
}

function indexOf(list: readonly unknown[], value: unknown): bigint {
  return BigInt(list.findIndex((item) => celEquals(item, value)));
}

function lastIndexOf(list: readonly unknown[], value: unknown): bigint {
  return BigInt(list.findLastIndex((item) => celEquals(item, value)));
}

export function registerLists(r: CelRegistry): void {
  r.fn('list.isSorted(): bool', isSorted);
  r.fn('list.sum(): dyn', sum);
  r.fn('list.min(): dyn', (list: readonly unknown[]) => extreme('min', list));
  r.fn('list.max(): dyn', (list: readonly unknown[]) => extreme('max', list));
  r.fn('list.indexOf(dyn): int', indexOf);
  r.fn('list.lastIndexOf(dyn): int', lastIndexOf);
}
