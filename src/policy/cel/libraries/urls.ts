// Kubernetes' CEL URL library (k8s.io/apiserver/pkg/cel/library/urls.go).
import type { CelRegistry } from '../cel-registry.js';
import { celRuntimeError } from '../runtime-error.js';
import { KubeUrl } from './kube-url.js';

const U = 'kubernetes.URL';

function url(text: string): KubeUrl {
  const parsed = KubeUrl.parse(text);
  if (!parsed) throw celRuntimeError(`URL parse error during conversion from string: "${text}" is not an absolute URI or an absolute path`);
  return parsed;
}

export function registerUrls(r: CelRegistry): void {
  r.type(U, KubeUrl);
  r.fn(`url(string): ${U}`, url);
  r.fn('isURL(string): bool', (text: string) => KubeUrl.parse(text) !== undefined);
  r.fn(`${U}.getScheme(): string`, (u: KubeUrl) => u.scheme);
  r.fn(`${U}.getHost(): string`, (u: KubeUrl) => u.host);
  r.fn(`${U}.getHostname(): string`, (u: KubeUrl) => u.hostname());
  r.fn(`${U}.getPort(): string`, (u: KubeUrl) => u.port());
  r.fn(`${U}.getEscapedPath(): string`, (u: KubeUrl) => u.path);
  r.fn(`${U}.getQuery(): map<string, list<string>>`, (u: KubeUrl) => u.query());
  r.fn(`string(${U}): string`, (u: KubeUrl) => u.toString());
  r.operator(`${U} == ${U}`, (a: KubeUrl, b: KubeUrl) => a.celEquals(b));
}
