import type { FieldPath, LoadError, ManifestObject, SourceLocation } from '../core/types.js';

/** Reads one file's text into Kubernetes objects (the validator engineer's parser, injected). */
export type ParseManifests = (file: string, text: string) => ParsedManifests;

export interface ParsedManifests {
  objects: ManifestObject[];
  errors: LoadError[];
}

/** Where a field of an object comes from in the repository (for rendered objects: the source file). */
export type LocateField = (path: FieldPath) => SourceLocation;
