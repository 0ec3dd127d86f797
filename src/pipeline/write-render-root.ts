// The head snapshot on disk for `kubectl kustomize`: written on first use,
// once per run, and removed at the end of the run.
import type { Snapshot } from '../core/types.js';
import { writeSnapshotTree } from '../render/kustomize/write-snapshot-tree.js';
import type { PipelineDeps } from './pipeline-deps.js';

export interface RenderRoot {
  path: () => Promise<string>;
  remove: () => Promise<void>;
}

export function writeRenderRoot(head: Snapshot, deps: Pick<PipelineDeps, 'makeTempDir' | 'removeDir'>): RenderRoot {
  let root: Promise<string> | undefined;
  return {
    path: () => {
      root ??= deps.makeTempDir().then(async (dir) => {
        await writeSnapshotTree(head, dir);
        return dir;
      });
      return root;
    },
    remove: async () => {
      if (!root) return;
      const dir = await root.catch(() => undefined);
      if (dir) await deps.removeDir(dir);
    },
  };
}
