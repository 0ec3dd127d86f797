// The real collaborators: the manifest reader, the schema validator, kubectl
// kustomize and a temp directory under the OS's tmpdir.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests } from '../manifests/load-manifests.js';
import { runKustomize } from '../render/kustomize/run-kustomize.js';
import type { ParseManifests } from '../render/types.js';
import { createValidator } from '../validate/create-validator.js';
import type { PipelineDeps } from './pipeline-deps.js';

/** Sizes are checked before parsing (readFileText); rendered output is bounded by runKustomize. */
const parseManifests: ParseManifests = (file, text) => loadManifests(file, text, { maxFileBytes: Number.MAX_SAFE_INTEGER });

export function defaultPipelineDeps(): PipelineDeps {
  return {
    createValidator,
    parseManifests,
    runKustomize,
    makeTempDir: () => mkdtemp(join(tmpdir(), 'kubegate-render-')),
    removeDir: (dir) => rm(dir, { recursive: true, force: true }),
  };
}
