// Kubernetes object names derived from an environment's name (which may hold
// upper-case letters and "_"): lower-case DNS labels, at most 63 characters.

export function resourceName(prefix: string, environment: string): string {
  const clean = environment.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `${prefix}${clean || 'default'}`.slice(0, 63).replace(/[^a-z0-9]+$/, '');
}
