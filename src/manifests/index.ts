export { loadDocuments, loadManifests } from './load-manifests.js';
export { DEFAULT_MAX_FILE_BYTES } from './decode-content.js';
export { KUBERNETES_YAML_SCHEMA } from './yaml-schema.js';
export type {
  DocumentPlace,
  IncompleteDocument,
  LoadedDocument,
  LoadOptions,
  LoadResult,
  NotKubernetesDocument,
} from './types.js';
