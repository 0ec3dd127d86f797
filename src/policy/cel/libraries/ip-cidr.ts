// Kubernetes' CEL IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go).
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';
import { isGlobalUnicast, isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified } from './ip-predicates.js';
import { KubeCidr, KubeIp } from './kube-ip.js';

const IP = 'net.IP';
const CIDR = 'net.CIDR';

function ip(text: string): KubeIp {
  const parsed = KubeIp.parse(text);
  if (!parsed) throw celRuntimeError(`IP Address "${text}" parse error during conversion from string: not a valid IPv4 or IPv6 address (zones and IPv4-mapped IPv6 are not allowed)`);
  return parsed;
}

function cidr(text: string): KubeCidr {
  const parsed = KubeCidr.parse(text);
  if (!parsed) throw celRuntimeError(`network address parse error during conversion from string: "${text}" is not a valid CIDR`);
  return parsed;
}

function registerIp(r: CelRegistry): void {
  r.type(IP, KubeIp);
  r.fn(`ip(string): ${IP}`, ip);
  r.fn('isIP(string): bool', (text: string) => KubeIp.parse(text) !== undefined);
  r.fn(`string(${IP}): string`, (a: KubeIp) => a.toString());
  r.fn(`${IP}.family(): int`, (a: KubeIp) => BigInt(a.family));
  r.fn(`${IP}.isUnspecified(): bool`, isUnspecified);
  r.fn(`${IP}.isLoopback(): bool`, isLoopback);
  r.fn(`${IP}.isLinkLocalMulticast(): bool`, isLinkLocalMulticast);
  r.fn(`${IP}.isLinkLocalUnicast(): bool`, isLinkLocalUnicast);
  r.fn(`${IP}.isGlobalUnicast(): bool`, isGlobalUnicast);
  r.operator(`${IP} == ${IP}`, (a: KubeIp, b: KubeIp) => a.celEquals(b));
}

function registerCidr(r: CelRegistry): void {
  r.type(CIDR, KubeCidr);
  r.fn(`cidr(string): ${CIDR}`, cidr);
  r.fn('isCIDR(string): bool', (text: string) => KubeCidr.parse(text) !== undefined);
  r.fn(`string(${CIDR}): string`, (c: KubeCidr) => c.toString());
  r.fn(`${CIDR}.containsIP(${IP}): bool`, (c: KubeCidr, a: KubeIp) => c.contains(a));
  r.fn(`${CIDR}.containsIP(string): bool`, (c: KubeCidr, a: string) => c.contains(ip(a)));
  r.fn(`${CIDR}.containsCIDR(${CIDR}): bool`, (c: KubeCidr, o: KubeCidr) => c.containsCidr(o));
  r.fn(`${CIDR}.containsCIDR(string): bool`, (c: KubeCidr, o: string) => c.containsCidr(cidr(o)));
  r.fn(`${CIDR}.ip(): ${IP}`, (c: KubeCidr) => c.ip);
  r.fn(`${CIDR}.masked(): ${CIDR}`, (c: KubeCidr) => c.masked());
  r.fn(`${CIDR}.prefixLength(): int`, (c: KubeCidr) => BigInt(c.prefix));
  r.operator(`${CIDR} == ${CIDR}`, (a: KubeCidr, b: KubeCidr) => a.celEquals(b));
}

export function registerIpCidr(r: CelRegistry): void {
  registerIp(r);
  registerCidr(r);
}
