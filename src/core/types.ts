// Plain data shared by every stage of the pipeline (DESIGN.md: snapshot ->
// render -> validate -> policies -> diff -> Report -> reporters). Nothing here
// imports Octokit or a Kubernetes client.

/** A path segment of a field inside a manifest: a key or a list index. */
export type FieldPath = ReadonlyArray<string | number>;

/** Where something is in the repository (1-based line numbers). */
export interface SourceLocation {
  file: string;
  line: number;
}

/** The identity of a Kubernetes object. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A Kubernetes object loaded from a file (or rendered by Kustomize). */
export interface ManifestObject extends ObjectRef {
  /** The parsed object, as written (or rendered). */
  body: Record<string, unknown>;
  /** The file and the first line of the object's document. */
  source: SourceLocation;
  /** Index of the YAML document inside its file (0-based). */
  documentIndex: number;
  /**
   * The line of a field inside the object, found on demand (parsing with
   * positions is costly, so it is done only for objects with findings).
   * Returns the object's first line when the field is not found.
   */
  lineOf(path: FieldPath): number;
  /**
   * Mapping keys written twice in the document (the later value is the one in
   * `body`). Set by the YAML loader; strict validation reports them.
   */
  duplicateKeys?: readonly DuplicateKey[];
}

/** A mapping key that a YAML document writes twice. */
export interface DuplicateKey {
  key: string;
  /** Line (1-based) of the second occurrence. */
  line: number;
}

/** A file that could not be read as Kubernetes manifests. */
export interface LoadError {
  file: string;
  line: number;
  message: string;
}

export type FindingLevel = 'failure' | 'warning' | 'notice';

/** One thing a check has to say about a line of a file. */
export interface Finding {
  /** The check that found it, e.g. "validate", "policy". */
  check: string;
  level: FindingLevel;
  file: string;
  line: number;
  /** Short rule name: a schema, a policy name, "yaml". */
  rule: string;
  message: string;
  object?: ObjectRef;
  /** Field path in kubectl's dotted form, e.g. spec.template.spec.containers[0].image */
  field?: string;
  /** The environment (repo config) whose files or rendered overlay produced it. */
  environment?: string;
}

export type Conclusion = 'success' | 'failure' | 'neutral';

/** What one check run says (kubegate/validate, kubegate/policy, ...). */
export interface CheckResult {
  name: string;
  conclusion: Conclusion;
  title: string;
  /** Markdown summary (GitHub limit 65,535 characters; reporters enforce it). */
  summary: string;
  text?: string;
  findings: Finding[];
  /**
   * The report's comment sections show this check in full (the cluster diff
   * of an environment), so the comment lists it in its table of checks only.
   */
  inCommentSections?: boolean;
}

/** Everything a pull-request pass produced, handed to the reporters. */
export interface Report {
  baseSha: string;
  headSha: string;
  checks: CheckResult[];
  /** Markdown sections for the sticky comment, in order. */
  commentSections: string[];
}

/** One file of a repository snapshot. */
export interface SnapshotFile {
  path: string;
  size: number;
  type: 'file' | 'symlink' | 'submodule';
  /** Git blob sha (or any content hash that changes with the content). */
  hash: string;
  /** Contents for regular files (absent for symlinks and submodules). */
  content?: Buffer;
  /** Link target for symlinks. */
  linkTarget?: string;
}

/** A repository at one commit. */
export interface Snapshot {
  sha: string;
  files: ReadonlyMap<string, SnapshotFile>;
}
