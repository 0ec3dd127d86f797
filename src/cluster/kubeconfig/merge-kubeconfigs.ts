// Several kubeconfig files (KUBECONFIG=a:b:c) as one, the way kubectl merges
// them: for each cluster, user and context name the first file that defines
// it wins, and current-context comes from the first file that sets one.
import type { NamedEntry, ParsedKubeconfig } from './parse-kubeconfig.js';

export interface MergedKubeconfig {
  /** The files, in order (for messages). */
  files: string[];
  clusters: Map<string, NamedEntry>;
  users: Map<string, NamedEntry>;
  contexts: Map<string, NamedEntry>;
  currentContext?: string;
}

function firstWins(into: Map<string, NamedEntry>, list: readonly NamedEntry[]): void {
  for (const entry of list) if (!into.has(entry.name)) into.set(entry.name, entry);
}

export function mergeKubeconfigs(parsed: readonly ParsedKubeconfig[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { files: parsed.map((p) => p.file), clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const p of parsed) {
    firstWins(merged.clusters, p.clusters);
    firstWins(merged.users, p.users);
    firstWins(merged.contexts, p.contexts);
    if (merged.currentContext === undefined && p.currentContext !== undefined) merged.currentContext = p.currentContext;
  }
  return merged;
}
