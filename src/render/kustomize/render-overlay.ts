// Renders one Kustomize overlay from the snapshot written to `root` and maps
// each rendered object back to the manifest (or patch) it comes from.
import type { Snapshot } from '../../core/types.js';
import type { ParseManifests } from '../types.js';
import type { OverlayInputs, RefProblem } from './collect-overlay-inputs.js';
import { mapRenderedObject, type MappedObject } from './map-rendered-objects.js';
import { KubectlMissingError, KustomizeError, type RunKustomizeOptions } from './run-kustomize.js';

export interface RenderOverlayDeps {
  runKustomize: (options: RunKustomizeOptions) => Promise<string>;
  parseManifests: ParseManifests;
}

export interface RenderedOverlay {
  objects: MappedObject[];
  problems: RefProblem[];
}

function objectsOf(snapshot: Snapshot, files: readonly string[], parse: ParseManifests): MappedObject['object'][] {
  return files.flatMap((file) => {
    const text = snapshot.files.get(file)?.content?.toString('utf8');
    return text === undefined ? [] : parse(file, text).objects.filter((o) => o.kind !== '' && o.name !== '');
  });
}

export async function renderOverlay(
  snapshot: Snapshot,
  root: string,
  inputs: OverlayInputs,
  deps: RenderOverlayDeps,
  allowRemote = false,
): Promise<RenderedOverlay> {
  const blocking = inputs.problems.filter((p) => !p.remote || !allowRemote);
  if (blocking.length > 0) return { objects: [], problems: blocking };
  let output: string;
  try {
    output = await deps.runKustomize({ root, dir: inputs.dir });
  } catch (err: unknown) {
    if (err instanceof KubectlMissingError || err instanceof KustomizeError) {
      return { objects: [], problems: [{ file: inputs.kustomizationFile, line: 1, message: err.message }] };
    }
    throw err;
  }
  const parsed = deps.parseManifests(inputs.kustomizationFile, output);
  const sources = objectsOf(snapshot, inputs.resourceFiles, deps.parseManifests);
  const patches = objectsOf(snapshot, inputs.patchFiles, deps.parseManifests);
  return {
    objects: parsed.objects.map((o) => mapRenderedObject(o, sources, patches, inputs.kustomizationFile)),
    problems: parsed.errors.map((e) => ({ file: inputs.kustomizationFile, line: 1, message: `rendered output unreadable: ${e.message}` })),
  };
}
