// The pipeline's collaborators, injected so tests can replace any of them.
// Defaults are the real implementations (see default-pipeline-deps.ts).
import type { DiffEnvironment } from '../diff/types.js';
import type { Validator, ValidatorOptions } from '../validate/types.js';
import type { RunKustomizeOptions } from '../render/kustomize/run-kustomize.js';
import type { ParseManifests } from '../render/types.js';

export interface PipelineDeps {
  createValidator: (options: ValidatorOptions) => Validator;
  parseManifests: ParseManifests;
  runKustomize: (options: RunKustomizeOptions) => Promise<string>;
  /** Creates an empty temporary directory for rendering and returns its path. */
  makeTempDir: () => Promise<string>;
  removeDir: (dir: string) => Promise<void>;
  /**
   * The cluster dry-run of one environment (createDiffEnvironment in the app and
   * the CLI). Absent: no cluster is configured, and no diff is computed.
   */
  diffEnvironment?: DiffEnvironment;
}
