// Real pipeline deps (manifest reader, kubectl kustomize, temp dirs) with the
// rule validator standing in for the schema validator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { Report, Snapshot } from '../../../src/core/types.js';
import { VALIDATE_CHECK } from '../../../src/pipeline/check-names.js';
import { defaultPipelineDeps } from '../../../src/pipeline/default-pipeline-deps.js';
import type { PipelineDeps } from '../../../src/pipeline/pipeline-deps.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import type { ValidatorOptions } from '../../../src/validate/types.js';
import { DEMO_DIR, snapshotFromDirs } from '../snapshot/snapshot-from-dirs.js';
import { createRuleValidator } from './rule-validator.js';

export function testDeps(overrides: Partial<PipelineDeps> = {}, seen: ValidatorOptions[] = []): PipelineDeps {
  return { ...defaultPipelineDeps(), createValidator: (o) => createRuleValidator(o, seen), ...overrides };
}

export function demoSnapshots(): { base: Snapshot; head: Snapshot } {
  return {
    base: snapshotFromDirs('base0000', join(DEMO_DIR, 'base')),
    head: snapshotFromDirs('head1111', join(DEMO_DIR, 'base'), join(DEMO_DIR, 'pr')),
  };
}

export function demoConfigText(): string {
  return readFileSync(join(DEMO_DIR, 'base', '.github', 'kubegate.yml'), 'utf8');
}

export async function runWithConfig(base: Snapshot, head: Snapshot, configText: string | undefined, deps = testDeps()): Promise<Report> {
  return runPipeline({ base, head, config: loadRepoConfig(configText) }, deps);
}

/** `file:line level message` of every finding of one check (default: kubegate/validate), sorted, for compact assertions. */
export function findingLines(report: Report, check: string = VALIDATE_CHECK): string[] {
  const found = report.checks.find((c) => c.name === check);
  return (found?.findings ?? []).map((f) => `${f.file}:${f.line} ${f.level} ${f.message}`).sort();
}
