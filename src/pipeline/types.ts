import type { Report, Snapshot } from '../core/types.js';
import type { ConfigLoadResult } from '../config/types.js';
import type { SchemaLocationPolicy } from './allow-schema-locations.js';

export interface PipelineInput {
  base: Snapshot;
  head: Snapshot;
  /** The config as read from the DEFAULT branch (never from the pull request). */
  config: ConfigLoadResult;
  /**
   * The DEFAULT branch, where the repository's own policies (`policies.directory`)
   * are read, so a pull request cannot weaken the rules that judge it. Default:
   * `base`, which is the default branch unless the pull request targets another
   * branch (then the caller passes the default branch here).
   */
  policySource?: Snapshot;
  /** What the app's own settings allow (never read from the repository). */
  settings?: PipelineSettings;
  /** Where the pull request comes from, for the cluster dry-run's rules. Default: not a fork, no repository name. */
  pullRequest?: PullRequestOrigin;
}

export interface PullRequestOrigin {
  /** "owner/name" the pull request targets. */
  repository: string;
  /** Its head is in another repository (a fork). */
  fromFork: boolean;
}

export interface PipelineSettings {
  /** Let Kustomize fetch remote (git/HTTP) resources. Off by default: they are reported instead. */
  allowRemoteResources?: boolean;
  /** Schema locations the config may name besides "default". Absent (the CLI): any. */
  schemaLocations?: SchemaLocationPolicy;
}

/** The pure core: snapshots and config in, one Report out. */
export type RunPipeline = (input: PipelineInput) => Promise<Report>;
