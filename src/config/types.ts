// The repository's .github/kubegate.yml, after validation and defaults.
// schema/kubegate-config.schema.json is the single source of truth for its shape.
import type { PolicyConfig } from '../policy/config.js';

export type RenderMode = 'plain' | 'kustomize';

export interface EnvironmentConfig {
  name: string;
  /** A cluster name from the app's own settings (never credentials). */
  cluster?: string;
  /** Globs (plain) or Kustomize directories (kustomize), relative to the repository root. */
  paths: string[];
  render: RenderMode;
  /** Namespace for namespaced objects that name none. */
  namespace?: string;
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
  /** Later issues (sync, approvals) own these sections' shapes. */
  sync?: Record<string, unknown>;
  approvals?: Record<string, unknown>;
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
