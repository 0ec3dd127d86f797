// IP addresses and prefixes as Go's net/netip parses them (Kubernetes' ip()
// and cidr()): strict dotted IPv4 without leading zeros, IPv6 with "::" and an
// optional embedded IPv4 tail; zones and IPv4-mapped IPv6 are rejected.
import type { CelComparable } from '../value-compare.js';

export type IpFamily = 4 | 6;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) return undefined;
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) groups.push(parseInt(part, 16));
    else return undefined;
  }
  return groups;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export class KubeIp implements CelComparable {
  constructor(
    readonly family: IpFamily,
    readonly value: bigint,
  ) {}

  static parse(text: string): KubeIp | undefined {
    if (text.includes(':')) {
      const v6 = parseIpv6(text);
      if (v6 === undefined || v6 >> 32n === 0xffffn) return undefined;
      return new KubeIp(6, v6);
    }
    const v4 = parseIpv4(text);
    return v4 === undefined ? undefined : new KubeIp(4, v4);
  }

  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }

  /** The address with all bits after the first `prefix` cleared. */
  masked(prefix: number): KubeIp {
    const hostBits = BigInt(this.bits - prefix);
    return new KubeIp(this.family, (this.value >> hostBits) << hostBits);
  }

  celEquals(other: unknown): boolean {
    return other instanceof KubeIp && other.family === this.family && other.value === this.value;
  }

  toString(): string {
    if (this.family === 6) return formatIpv6(this.value);
    return [24n, 16n, 8n, 0n].map((s) => String((this.value >> s) & 0xffn)).join('.');
  }
}

export class KubeCidr implements CelComparable {
  constructor(
    readonly ip: KubeIp,
    readonly prefix: number,
  ) {}

  static parse(text: string): KubeCidr | undefined {
    const slash = text.lastIndexOf('/');
    if (slash < 0) return undefined;
    const ip = KubeIp.parse(text.slice(0, slash));
    const bits = text.slice(slash + 1);
    if (!ip || !/^(0|[1-9]\d{0,2})$/.test(bits) || Number(bits) > ip.bits) return undefined;
    return new KubeCidr(ip, Number(bits));
  }

  contains(ip: KubeIp): boolean {
    return ip.family === this.ip.family && ip.masked(this.prefix).value === this.ip.masked(this.prefix).value;
  }

  containsCidr(other: KubeCidr): boolean {
    return other.prefix >= this.prefix && this.contains(other.ip);
  }

  masked(): KubeCidr {
    return new KubeCidr(this.ip.masked(this.prefix), this.prefix);
  }

  celEquals(other: unknown): boolean {
    return other instanceof KubeCidr && other.prefix === this.prefix && this.ip.celEquals(other.ip);
  }

  toString(): string {
    return `${this.ip.toString()}/${this.prefix}`;
  }
}
