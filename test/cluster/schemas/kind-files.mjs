// Which definitions become per-kind schema files, and their names.
// A file per (group, version, kind) of x-kubernetes-group-version-kind, except
// List kinds and the meta.k8s.io kinds that are never objects in a manifest
// (Status, DeleteOptions, WatchEvent, APIGroup, APIGroupList, APIResourceList,
// APIVersions). Create-only kinds (TokenReview, SubjectAccessReview, Eviction,
// Scale, Binding, TokenRequest) are kept, as kubeconform keeps them.
const META_PREFIX = 'io.k8s.apimachinery.pkg.apis.meta.';

/** kubeconform's KindSuffix: "-v1", "-apps-v1", "-networking-v1" (first DNS label of the group). */
export function kindSuffix(group, version) {
  return group ? `-${group.split('.')[0]}-${version}` : `-${version}`;
}

export function apiVersionOf(group, version) {
  return group ? `${group}/${version}` : version;
}

/** [{ file, name, group, version, kind, apiVersion }] sorted by file; throws on a file name collision. */
export function kindFiles(definitions) {
  const byFile = new Map();
  for (const [name, schema] of definitions) {
    if (name.startsWith(META_PREFIX)) continue;
    for (const { group, version, kind } of schema['x-kubernetes-group-version-kind'] ?? []) {
      if (kind.endsWith('List')) continue;
      const file = `${kind.toLowerCase()}${kindSuffix(group, version)}.json`;
      const entry = { file, name, group, version, kind, apiVersion: apiVersionOf(group, version) };
      const seen = byFile.get(file);
      if (seen && (seen.name !== name || seen.apiVersion !== entry.apiVersion || seen.kind !== kind)) {
        throw new Error(
          `kind file name collision: ${file} would hold both ${seen.apiVersion} ${seen.kind} (${seen.name}) ` +
            `and ${entry.apiVersion} ${kind} (${name})`,
        );
      }
      byFile.set(file, entry);
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}
