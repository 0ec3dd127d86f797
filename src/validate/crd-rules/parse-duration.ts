// Durations in a string field with format "duration", as the API server reads
// them for rules (strfmt.ParseDuration): Go durations ("1h30m", "-1.5s"), with
// days and weeks ("2d", "1w") and spaces between a number and its unit.

const UNIT_NANOS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
  w: 604_800_000_000_000n,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)\s*(ns|us|µs|μs|ms|s|m|h|d|w)/gy;
const NANOS_PER_SECOND = 1_000_000_000n;

function partNanos(number: string, unit: string): bigint {
  const [whole = '0', fraction = ''] = number.split('.');
  const scale = UNIT_NANOS[unit] ?? 0n;
  const digits = fraction.slice(0, 18);
  const fractionNanos = digits === '' ? 0n : (BigInt(digits) * scale) / 10n ** BigInt(digits.length);
  return BigInt(whole === '' ? '0' : whole) * scale + fractionNanos;
}

/** Seconds and nanoseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): { seconds: bigint; nanos: number } | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return { seconds: 0n, nanos: 0 };
  const sign = trimmed.startsWith('-') ? -1n : 1n;
  const body = trimmed.replace(/^[-+]/, '');
  if (body === '') return undefined;
  let total = 0n;
  PART.lastIndex = 0;
  let end = 0;
  for (let match = PART.exec(body); match; match = PART.exec(body)) {
    total += partNanos(match[1] ?? '0', match[2] ?? '');
    end = PART.lastIndex;
    while (body[end] === ' ') end++;
    PART.lastIndex = end;
  }
  if (end !== body.length) return undefined;
  const nanos = sign * total;
  return { seconds: nanos / NANOS_PER_SECOND, nanos: Number(nanos % NANOS_PER_SECOND) };
}
