// Standard CEL conversions cel-js 8 lacks (found by the conformance suite).
import { UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';

const INT64_MAX = 9223372036854775807n;
const TS = 'google.protobuf.Timestamp';
const DURATION = 'google.protobuf.Duration';

function intOfUint(value: UnsignedInt): bigint {
  if (value.value > INT64_MAX) throw celRuntimeError('int() range error: uint value exceeds int64');
  return value.value;
}

export function registerConversions(r: CelRegistry): void {
  r.fn('int(uint): int', intOfUint);
  r.fn(`int(${TS}): int`, (t: Date) => BigInt(Math.floor(t.getTime() / 1000)));
  r.fn(`timestamp(${TS}): ${TS}`, (t: Date) => t);
  r.fn(`duration(${DURATION}): ${DURATION}`, (d: unknown) => d);
}
