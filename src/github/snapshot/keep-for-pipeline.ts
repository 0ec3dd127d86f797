// Which tarball entries a snapshot keeps with their content: what the pipeline
// reads. Manifests (YAML, JSON), Kustomization files, and the usual sources
// of Kustomize generators (env and properties files, plain-text configs,
// certificates). Everything else (application code, images, docs) is skipped
// unread, so memory follows the size of the manifests, not of the repository.
import { isKustomizationFile } from '../../render/kustomize/kustomization-file.js';

const KEPT_EXTENSION = /\.(ya?ml|json|env|properties|txt|conf|cfg|ini|toml|crt|pem)$/i;

export function keepForPipeline(path: string): boolean {
  return KEPT_EXTENSION.test(path) || isKustomizationFile(path);
}
