// Plain data of the dry-run diff. The cluster adapter (src/cluster/dry-run-*.ts)
// fills EnvironmentDryRun; everything else in src/diff turns it into text,
// markdown and a check result without touching a cluster.
import type { CheckResult, ManifestObject } from '../core/types.js';
import type { ResolvedSync } from '../sync/resolve-sync-config.js';

/** A Kubernetes object as JSON (what the API server returns). */
export type JsonObject = Record<string, unknown>;

/** An object's identity once the server said which resource serves it. */
export interface ResolvedRef {
  /** "" for the core group. */
  group: string;
  version: string;
  kind: string;
  name: string;
  /** Set for namespaced kinds (the object's own, else the environment's default). */
  namespace?: string;
  /** Unknown when discovery failed (unknown kind, unreachable cluster). */
  namespaced?: boolean;
}

/** Why the server refused a dry-run (or a read), in its own words. */
export interface DryRunError {
  /** Status reason ("Invalid", "Forbidden", "NotFound", ...) or a local one ("UnknownKind", "Unreachable", "Timeout"). */
  reason?: string;
  /** HTTP status when the server answered. */
  status?: number;
  /** The server's message (or the local description). */
  message: string;
}

/** One object at head: what the cluster holds and what applying it would make. */
export interface DryRunOutcome {
  object: ManifestObject;
  ref: ResolvedRef;
  /** The live object; null when it does not exist (a creation). */
  live: JsonObject | null;
  /** The dry-run server-side apply result; absent when `error` is set. */
  merged?: JsonObject;
  error?: DryRunError;
}

/** One object present at base and gone at head. */
export interface RemovedOutcome {
  object: ManifestObject;
  ref: ResolvedRef;
  /** The live object; null when the cluster does not hold it; absent when it could not be read. */
  live?: JsonObject | null;
  error?: DryRunError;
}

/** What the cluster said about one environment's objects. */
export interface EnvironmentDryRun {
  environment: string;
  /** The cluster's name from the app settings (or the kubeconfig context in the CLI). */
  cluster: string;
  /** Set when the cluster could not be reached at all (or the time budget ran out). */
  unreachable?: { message: string };
  applied: DryRunOutcome[];
  removed: RemovedOutcome[];
}

/**
 * create / update / unchanged: what applying the head does to the object.
 * delete: gone from Git, and the sync after merge prunes it (an ApplySet member, sync.prune on).
 * removed: gone from Git; the sync leaves it in the cluster (the note says why).
 * error: the server refused the dry-run.
 */
export type DiffAction = 'create' | 'update' | 'unchanged' | 'delete' | 'removed' | 'error';

/** The environment's sync settings that decide what happens to objects removed from Git (resolved from .github/kubegate.yml). */
export type SyncRemovalSettings = Pick<ResolvedSync, 'enabled' | 'mode' | 'prune' | 'namespaces'>;

/**
 * What the sync after merge does with an object removed from Git (see
 * decideRemovalPolicy): with prune, it deletes the members of the
 * environment's ApplySet (in `namespaces`, when sync.namespaces is set);
 * without, `reason` says why nothing is deleted.
 */
export type RemovalPolicy =
  | { prune: true; applySetId: string; namespaces?: readonly string[] }
  | { prune: false; reason: string };

/** One hunk of a unified diff, GNU style. */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines with their " ", "-" or "+" prefix. */
  lines: string[];
}

/** One object's diff, masked and ready to print. */
export interface ObjectDiff {
  action: DiffAction;
  ref: ResolvedRef;
  /** kubectl's file name: "apps.v1.Deployment.ns.name". */
  fileName: string;
  /** Where the object is written in the repository (base for removed objects). */
  source: { file: string; line: number };
  /** Masked, normalized YAML ("" when the object does not exist on that side). */
  liveText: string;
  mergedText: string;
  hunks: DiffHunk[];
  added: number;
  removed: number;
  error?: DryRunError;
  /** For errors naming a field: the field (kubectl's dotted form) and its line in `source.file`. */
  errorField?: { field: string; line: number };
  /** Something the reader should know (e.g. shown as written, not dry-run). */
  note?: string;
}

/** One environment's diff, objects in the order a sync applies them. */
export interface EnvironmentDiff {
  environment: string;
  cluster: string;
  unreachable?: { message: string };
  objects: ObjectDiff[];
}

/** What the pipeline asks for one environment (plain data; see src/cluster/diff-environment.ts). */
export interface EnvironmentDiffRequest {
  environment: string;
  /** The cluster name from the repo config (absent: the environment names none). */
  cluster?: string;
  /** The environment's namespace for objects that name none. */
  namespace?: string;
  /** Objects of the changed files / affected overlays at head. */
  head: readonly ManifestObject[];
  /** The same files / overlays at base (to find objects removed from Git). */
  base: readonly ManifestObject[];
  /** The environment's sync settings (absent: unknown, removed objects are reported without saying whether the sync deletes them). */
  sync?: SyncRemovalSettings;
  /** "owner/name" the pull request targets. */
  repository: string;
  /** The pull request's head is in a fork. */
  fromFork: boolean;
}

/** One environment's check run and comment sections. */
export interface EnvironmentDiffResult {
  check: CheckResult;
  sections: string[];
}

/** Injected into the pure pipeline: the effectful implementation is createDiffEnvironment. */
export type DiffEnvironment = (request: EnvironmentDiffRequest) => Promise<EnvironmentDiffResult>;
