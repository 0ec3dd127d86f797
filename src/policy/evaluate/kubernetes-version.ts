/** The Kubernetes minor version kubegate targets when none is configured (the tested apiserver). */
export const DEFAULT_KUBERNETES_VERSION = '1.33';

/** "v1.33.13", "1.33", "master" -> "1.33"; anything else falls back to the default. */
export function kubernetesMinor(version: string | undefined): string {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? `${m[1]}.${m[2]}` : DEFAULT_KUBERNETES_VERSION;
}
