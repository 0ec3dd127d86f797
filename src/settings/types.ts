// The app's own settings (never read from a repository): which clusters exist,
// how to reach them, and which repositories may preview changes on them.

export type UnreachableConclusion = 'failure' | 'neutral';

export interface ClusterSettings {
  /** The name repository configs use (`environments[].cluster`). */
  name: string;
  /** Absolute path of a kubeconfig file (relative paths are resolved against the settings file). */
  kubeconfig?: string;
  /** Context in the kubeconfig; defaults to its current-context. */
  context?: string;
  /** Use the pod's service account (the app runs in this cluster). */
  inCluster: boolean;
  /** owner/name globs of repositories allowed to use this cluster (case-insensitive). */
  repositories: string[];
  /** Where the per-environment sync Leases live (default kube-system). */
  leaseNamespace: string;
  /** The Argo CD serving this cluster's environments (sync mode argocd). */
  argocd?: ArgoCdSettings;
  /** false: the app watches no environment of this cluster for drift (absent: as the repo configs say). */
  drift?: boolean;
}

export interface DriftSettings {
  /**
   * "owner/name:ENVIRONMENT" globs (e.g. "acme/*:production"): only the
   * environments they match are watched for drift (absent: every environment
   * whose repo config has a `drift` section).
   */
  environments?: string[];
}

export interface ArgoCdSettings {
  /** Base URL of the Argo CD API server, e.g. https://argocd.example.com. */
  url: string;
  /** Name of the environment variable holding the Argo CD API token (never the token itself). */
  tokenEnv: string;
}

export interface DryRunSettings {
  /** Objects in flight at once per environment. */
  concurrency: number;
  /** Budget for one environment's dry-run. */
  timeoutSeconds: number;
}

export interface SchemaLocationSettings {
  /** Folder or URL prefixes (each ending in "/") that `validation.schemaLocations` entries may start with. */
  allow: string[];
}

export interface AppSettings {
  clusters: ReadonlyMap<string, ClusterSettings>;
  /** Let pull requests from forks reach clusters (default false). */
  allowForks: boolean;
  /** Check conclusion when a cluster cannot be reached (default failure). */
  unreachableConclusion: UnreachableConclusion;
  dryRun: DryRunSettings;
  /** Schema locations a repository config may name besides "default" (default: none). */
  schemaLocations: SchemaLocationSettings;
  /** Which environments the app watches for drift (absent: all that their repo configs opt into). */
  drift?: DriftSettings;
  /** Where the settings came from, for messages ("KUBEGATE_SETTINGS=/etc/...", "defaults"). */
  source: string;
}
