// Kubernetes' CEL quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go).
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';
import { KubeQuantity } from './kube-quantity.js';

const Q = 'kubernetes.Quantity';
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function quantity(text: string): KubeQuantity {
  const parsed = KubeQuantity.parse(text);
  if (!parsed) throw celRuntimeError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got "${text}"`);
  return parsed;
}

function fitsInt64(q: KubeQuantity): boolean {
  return q.isInteger() && q.num <= INT64_MAX && q.num >= INT64_MIN;
}

function asInteger(q: KubeQuantity): bigint {
  if (!fitsInt64(q)) throw celRuntimeError(`cannot convert value to integer: quantity ${q.toString()} is not an integer within int64`);
  return q.num;
}

export function registerQuantity(r: CelRegistry): void {
  r.type(Q, KubeQuantity);
  r.fn(`quantity(string): ${Q}`, quantity);
  r.fn('isQuantity(string): bool', (text: string) => KubeQuantity.parse(text) !== undefined);
  r.fn(`${Q}.sign(): int`, (q: KubeQuantity) => BigInt(Math.sign(q.compare(new KubeQuantity(0n)))));
  r.fn(`${Q}.isInteger(): bool`, fitsInt64);
  r.fn(`${Q}.asInteger(): int`, asInteger);
  r.fn(`${Q}.asApproximateFloat(): double`, (q: KubeQuantity) => q.approximate());
  r.fn(`${Q}.compareTo(${Q}): int`, (a: KubeQuantity, b: KubeQuantity) => BigInt(a.compare(b)));
  r.fn(`${Q}.isLessThan(${Q}): bool`, (a: KubeQuantity, b: KubeQuantity) => a.compare(b) < 0);
  r.fn(`${Q}.isGreaterThan(${Q}): bool`, (a: KubeQuantity, b: KubeQuantity) => a.compare(b) > 0);
  r.fn(`${Q}.add(${Q}): ${Q}`, (a: KubeQuantity, b: KubeQuantity) => a.add(b));
  r.fn(`${Q}.add(int): ${Q}`, (a: KubeQuantity, b: bigint) => a.add(new KubeQuantity(b)));
  r.fn(`${Q}.sub(${Q}): ${Q}`, (a: KubeQuantity, b: KubeQuantity) => a.add(b.negate()));
  r.fn(`${Q}.sub(int): ${Q}`, (a: KubeQuantity, b: bigint) => a.add(new KubeQuantity(-b)));
  r.operator(`${Q} == ${Q}`, (a: KubeQuantity, b: KubeQuantity) => a.compare(b) === 0);
}
