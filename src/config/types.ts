// The repository's .github/kubegate.yml, after validation and defaults.
// schema/kubegate-config.schema.json is the single source of truth for its shape.
import type { ChatOpsConfig } from '../chatops/types.js';
import type { PolicyConfig } from '../policy/config.js';

export type RenderMode = 'plain' | 'kustomize';

/** How an environment reaches its cluster after merge (docs/sync.md). */
export type SyncMode = 'apply' | 'argocd' | 'flux' | 'none';

/** Which pushes to the default branch sync an environment: those that change its files, or every one. */
export type SyncWhen = 'changed' | 'always';

/** The `sync` mapping as written (top level: defaults; per environment: overrides). */
export interface SyncConfig {
  mode?: SyncMode;
  /** Default changed. */
  when?: SyncWhen;
  prune?: boolean;
  recreate?: boolean;
  waitForRollout?: boolean;
  /** ChatOps `/sync ENV` on an open pull request may apply its head (default false). */
  allowPreMerge?: boolean;
  timeoutSeconds?: number;
  /** apply mode: the only namespaces objects may be applied to. */
  namespaces?: string[];
  argocd?: { application: string; namespace?: string };
  flux?: { kustomization: string; gitRepository?: string; namespace?: string };
}

/** The `approvals` mapping as written (an environment's replaces the top level's). */
export interface ApprovalConfig {
  /** Approvals needed on the pull request's last commit (default 1). */
  required?: number;
  /** Only approvals by these users (or members of `teams`) count. */
  users?: string[];
  /** "team-slug" (the repository owner's organization) or "org/team-slug". */
  teams?: string[];
}

export interface DriftConfig {
  /** Watch the environment after each apply-mode sync (default true; drift detection is on unless turned off). */
  enabled?: boolean;
  /** Conclusion of kubegate/drift (ENV) when drift is found (default failure). */
  conclusion?: 'failure' | 'neutral';
  /** Re-apply drifted objects from the deployed revision (default false). */
  selfHeal?: boolean;
}

export interface EnvironmentConfig {
  name: string;
  /** A cluster name from the app's own settings (never credentials). */
  cluster?: string;
  /** Globs (plain) or Kustomize directories (kustomize), relative to the repository root. */
  paths: string[];
  render: RenderMode;
  /** Namespace for namespaced objects that name none. */
  namespace?: string;
  sync?: SyncConfig;
  approvals?: ApprovalConfig;
  /** Drift detection (on by default in apply mode): off, the check run's conclusion on drift, and self-heal (docs/drift.md). */
  drift?: DriftConfig;
  /**
   * Set only on the environment kubegate adds when the config names none:
   * documents without apiVersion and kind are ignored instead of reported.
   * Not a config field (the schema refuses it).
   */
  implicit?: boolean;
}

export interface ValidationConfig {
  kubernetesVersion: string;
  strict: boolean;
  skipKinds: string[];
  rejectKinds: string[];
  schemaLocations: string[];
  ignoreMissingSchemas: boolean;
}

export interface RepoConfig {
  environments: EnvironmentConfig[];
  validation: ValidationConfig;
  /** The `policies` section, read by src/policy/config.ts (absent: the policy defaults apply). */
  policies?: PolicyConfig;
  /** Sync defaults of every environment. */
  sync?: SyncConfig;
  /** The approval rule of every environment without its own. */
  approvals?: ApprovalConfig;
  /** Pull-request comment commands: prefix and who may run what (docs/chatops.md). */
  chatops?: ChatOpsConfig;
}

/** A config file that failed validation: which file, which field, what is wrong. */
export interface ConfigProblem {
  file: string;
  /** JSON-pointer-like field path, e.g. "/environments/0/render". */
  path: string;
  line?: number;
  message: string;
}

export type ConfigLoadResult =
  | { ok: true; config: RepoConfig; source: 'file' | 'default' }
  | { ok: false; problems: ConfigProblem[] };
