// What loading a manifest file produces. The app reads `objects` and
// `errors`; kubeconform-compatible tooling reads `documents`, which also
// keeps the empty and non-Kubernetes documents the app ignores.
import type { LoadError, ManifestObject } from '../core/types.js';

export interface LoadOptions {
  /** Refuse files larger than this (bytes). Default 1 MiB. */
  maxFileBytes?: number;
  /** Parse as JSON first (JSON files); YAML stays the fallback. Default: by file extension. */
  json?: boolean;
}

/** Where a document is. */
export interface DocumentPlace {
  file: string;
  /** First line with content (or the document's first line when it has none). */
  line: number;
  /** Index of the YAML document in its file (0-based). */
  documentIndex: number;
}

/** A document that is not a Kubernetes object at all: the app ignores it. */
export interface NotKubernetesDocument extends DocumentPlace {
  type: 'not-kubernetes';
  /** `not-a-mapping`: a list or a scalar; `no-kind-or-apiversion`: a mapping with neither key. */
  reason: 'not-a-mapping' | 'no-kind-or-apiversion';
  value: unknown;
}

/** A mapping with one of kind/apiVersion but not the other: reported as an error. */
export interface IncompleteDocument extends DocumentPlace {
  type: 'incomplete';
  missing: 'kind' | 'apiVersion';
  body: Record<string, unknown>;
  message: string;
}

export type LoadedDocument =
  | { type: 'object'; object: ManifestObject }
  | (DocumentPlace & { type: 'empty' })
  | NotKubernetesDocument
  | IncompleteDocument
  | (DocumentPlace & { type: 'error'; message: string });

export interface LoadResult {
  /** Kubernetes objects in file order (the items of a `kind: List` each count as one). */
  objects: ManifestObject[];
  /** Problems worth reporting: unreadable files, malformed YAML, half-written objects. */
  errors: LoadError[];
  /** Every document in order, including empty and non-Kubernetes ones. */
  documents: LoadedDocument[];
}
