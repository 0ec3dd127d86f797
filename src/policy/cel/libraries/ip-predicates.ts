// The address classes Kubernetes' ip library exposes (Go netip semantics).
import { KubeCidr, type KubeIp } from './kube-ip.js';

const ranges = (list: string[]): KubeCidr[] => list.map((c) => KubeCidr.parse(c)).filter((c): c is KubeCidr => c !== undefined);
const LOOPBACK = ranges(['127.0.0.0/8', '::1/128']);
const LINK_LOCAL_UNICAST = ranges(['169.254.0.0/16', 'fe80::/10']);
const LINK_LOCAL_MULTICAST = ranges(['224.0.0.0/24', 'ff02::/16']);
const MULTICAST = ranges(['224.0.0.0/4', 'ff00::/8']);

const inAny = (ip: KubeIp, list: KubeCidr[]): boolean => list.some((c) => c.contains(ip));

export const isUnspecified = (ip: KubeIp): boolean => ip.value === 0n;
export const isLoopback = (ip: KubeIp): boolean => inAny(ip, LOOPBACK);
export const isLinkLocalUnicast = (ip: KubeIp): boolean => inAny(ip, LINK_LOCAL_UNICAST);
export const isLinkLocalMulticast = (ip: KubeIp): boolean => inAny(ip, LINK_LOCAL_MULTICAST);

export function isGlobalUnicast(ip: KubeIp): boolean {
  const broadcast = ip.family === 4 && ip.value === 0xffffffffn;
  return !(broadcast || isUnspecified(ip) || isLoopback(ip) || inAny(ip, MULTICAST) || isLinkLocalUnicast(ip));
}
