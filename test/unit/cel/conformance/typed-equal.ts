import type { CelTypedValue } from '../../../../src/policy/cel/index.js';

function sameDouble(a: number, b: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}

function sameEntries(a: Array<[CelTypedValue, CelTypedValue]>, b: Array<[CelTypedValue, CelTypedValue]>): boolean {
  return a.length === b.length && a.every(([k, v]) => b.some(([k2, v2]) => typedEqual(k, k2) && typedEqual(v, v2)));
}

/** Strict equality of described values: int and uint differ, NaN equals NaN. */
export function typedEqual(a: CelTypedValue, b: CelTypedValue): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'double':
      return b.type === 'double' && sameDouble(a.value, b.value);
    case 'bytes':
      return b.type === 'bytes' && Buffer.from(a.value).equals(Buffer.from(b.value));
    case 'timestamp':
      return b.type === 'timestamp' && a.value.getTime() === b.value.getTime();
    case 'list':
      return b.type === 'list' && a.items.length === b.items.length && a.items.every((x, i) => typedEqual(x, b.items[i] ?? { type: 'null' }));
    case 'map':
      return b.type === 'map' && sameEntries(a.entries, b.entries);
    case 'duration':
      return b.type === 'duration' && a.seconds === b.seconds && a.nanos === b.nanos;
    case 'optional':
      return b.type === 'optional' && (a.value === undefined ? b.value === undefined : b.value !== undefined && typedEqual(a.value, b.value));
    case 'null':
      return true;
    default:
      return JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) === JSON.stringify(b, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  }
}
