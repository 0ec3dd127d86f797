// The validator's contract (kubeconform's vocabulary, so the CLI can speak it).
import type { FieldPath, ManifestObject } from '../core/types.js';

/** kubeconform's status strings. */
export type ResourceStatus = 'valid' | 'invalid' | 'error' | 'skipped' | 'empty';

export interface FieldError {
  /** JSON pointer of the offending field, as kubeconform prints it ("/spec/replicas"). */
  path: string;
  /**
   * Where the problem is, as segments, to find its line with ManifestObject.lineOf.
   * Usually the same path; one level deeper when that is more precise (the
   * first unknown field of an "additional properties" error).
   */
  segments: FieldPath;
  msg: string;
  /** What found it: "schema" or the name of a Kubernetes check ("metadata-name", "labels", ...). */
  rule?: string;
  /** The line, when known without lineOf (duplicate keys). */
  line?: number;
  /**
   * Problems this one stands for, as kubeconform nests them: the failed
   * branches of a oneOf/anyOf/allOf ("'oneOf' failed, none matched"), or the
   * problems under a field where several were found ("validation failed").
   */
  causes?: FieldError[];
  /** Advice for people (not part of kubeconform's wording), e.g. to quote a YAML boolean. */
  hint?: string;
}

export interface ResourceResult {
  file: string;
  /** Absent when the document could not be read as an object. */
  object?: ManifestObject;
  status: ResourceStatus;
  /** For invalid/error: one line saying what is wrong. */
  msg?: string;
  validationErrors: FieldError[];
}

export interface ValidatorOptions {
  /** "1.33.13", "v1.33.13" or "master" (kubeconform's default). */
  kubernetesVersion?: string;
  strict?: boolean;
  /** kubeconform --schema-location values: "default", a folder, a file template, or a URL template. */
  schemaLocations?: string[];
  ignoreMissingSchemas?: boolean;
  /** Kinds to skip / reject: "Kind" or "group/version/Kind" as kubeconform accepts. */
  skipKinds?: string[];
  rejectKinds?: string[];
  /** CustomResourceDefinitions whose openAPIV3Schema validates their custom resources. */
  crds?: ManifestObject[];
}

export interface Validator {
  validate(objects: readonly ManifestObject[]): Promise<ResourceResult[]>;
}
