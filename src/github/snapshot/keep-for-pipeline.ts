// Which tarball entries a snapshot keeps with their content: what the pipeline
// reads (YAML, JSON, Kustomization files). Everything else is skipped unread.
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;
const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export function keepForPipeline(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return MANIFEST_EXTENSION.test(base) || KUSTOMIZATION_NAMES.has(base);
}
