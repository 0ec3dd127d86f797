// kubeconform's --skip / --reject lists: a kind ("Secret") or an
// apiVersion/kind ("v1/Secret", "apps/v1/Deployment").

export type KindMatcher = (apiVersion: string, kind: string) => boolean;

export function kindMatcher(entries: readonly string[] = []): KindMatcher {
  const set = new Set(entries.map((entry) => entry.trim()).filter((entry) => entry !== ''));
  return (apiVersion, kind) => set.has(kind) || set.has(`${apiVersion}/${kind}`);
}
