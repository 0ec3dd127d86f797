import type { Report, Snapshot } from '../core/types.js';
import type { ConfigLoadResult } from '../config/types.js';

export interface PipelineInput {
  base: Snapshot;
  head: Snapshot;
  /** The config as read from the DEFAULT branch (never from the pull request). */
  config: ConfigLoadResult;
}

/** The pure core: snapshots and config in, one Report out. */
export type RunPipeline = (input: PipelineInput) => Promise<Report>;
