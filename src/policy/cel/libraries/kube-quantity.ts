// A Kubernetes resource.Quantity ("500m", "1.5Gi", "2e3") as an exact
// fraction, so comparisons and sums never round.
import type { CelComparable } from '../value-compare.js';

const MULTIPLIERS: Record<string, bigint> = {
  '': 1n,
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
  Ki: 2n ** 10n,
  Mi: 2n ** 20n,
  Gi: 2n ** 30n,
  Ti: 2n ** 40n,
  Pi: 2n ** 50n,
  Ei: 2n ** 60n,
};
const DIVISORS: Record<string, bigint> = { n: 10n ** 9n, u: 10n ** 6n, m: 10n ** 3n };
const SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]|)$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export class KubeQuantity implements CelComparable {
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    const g = gcd(num, den);
    this.num = num / g;
    this.den = den / g;
  }

  /** Parses Kubernetes quantity syntax; undefined when the text is not a quantity. */
  static parse(text: string): KubeQuantity | undefined {
    const m = SYNTAX.exec(text);
    if (!m) return undefined;
    const [, sign = '', whole = '', fraction = '', suffix = ''] = m;
    if (whole === '' && fraction === '') return undefined;
    let num = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
    let den = 10n ** BigInt(fraction.length);
    if (/^[eE][+-]?\d/.test(suffix)) {
      const exp = BigInt(suffix.slice(1));
      if (exp >= 0n) num *= 10n ** exp;
      else den *= 10n ** -exp;
    } else if (suffix in DIVISORS) den *= DIVISORS[suffix] ?? 1n;
    else num *= MULTIPLIERS[suffix] ?? 1n;
    return new KubeQuantity(num, den);
  }

  compare(other: KubeQuantity): number {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  add(other: KubeQuantity): KubeQuantity {
    return new KubeQuantity(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  negate(): KubeQuantity {
    return new KubeQuantity(-this.num, this.den);
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  approximate(): number {
    return Number(this.num) / Number(this.den);
  }

  celEquals(other: unknown): boolean {
    return other instanceof KubeQuantity && this.compare(other) === 0;
  }

  celCompare(other: unknown): number {
    if (!(other instanceof KubeQuantity)) throw new Error('a quantity compares only with a quantity');
    return this.compare(other);
  }

  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.approximate()}`;
  }
}
