// Follows an overlay's kustomization references transitively (resources,
// bases, components, patches, generator files, crds, ...) and lists every
// repository file the render reads, which references are remote, and what
// could not be followed.
import yaml from 'js-yaml';
import type { Snapshot } from '../../core/types.js';
import { repoDirname, resolveRepoPath } from '../repo-path.js';
import { findKustomizationFile } from './kustomization-file.js';
import { isRemoteRef, listKustomizationRefs, type KustomizationRef } from './list-kustomization-refs.js';

export interface RefProblem {
  file: string;
  line: number;
  message: string;
  /** A remote reference (git/HTTP) that was not fetched. */
  remote?: boolean;
}

export interface OverlayInputs {
  dir: string;
  kustomizationFile: string;
  /** Every repository file the render reads (kustomization files included; missing local files too). */
  files: Set<string>;
  /** Manifest files listed as resources or crds, where rendered objects come from. */
  resourceFiles: string[];
  /** Patch files, which may hold the line a rendered field came from. */
  patchFiles: string[];
  problems: RefProblem[];
}

type Parsed = { doc: Record<string, unknown>; text: string } | { error: RefProblem };

/** Parsed kustomization files, shared by all overlays of one snapshot. */
export type KustomizationCache = Map<string, Parsed>;

function lineOfRef(text: string, ref: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(ref));
  return i < 0 ? 1 : i + 1;
}

function parseKustomization(snapshot: Snapshot, file: string, cache: KustomizationCache): Parsed {
  const cached = cache.get(file);
  if (cached) return cached;
  const text = snapshot.files.get(file)?.content?.toString('utf8') ?? '';
  let parsed: Parsed;
  try {
    const doc = yaml.load(text) ?? {};
    parsed =
      typeof doc === 'object' && !Array.isArray(doc)
        ? { doc: doc as Record<string, unknown>, text }
        : { error: { file, line: 1, message: 'a kustomization must be a YAML mapping' } };
  } catch (err: unknown) {
    const line = err instanceof yaml.YAMLException ? err.mark.line + 1 : 1;
    const reason = err instanceof yaml.YAMLException ? err.reason : String(err);
    parsed = { error: { file, line, message: `kustomization is not valid YAML: ${reason}` } };
  }
  cache.set(file, parsed);
  return parsed;
}

interface Walk {
  snapshot: Snapshot;
  cache: KustomizationCache;
  visited: Set<string>;
  out: OverlayInputs;
}

function followRef(walk: Walk, file: string, text: string, r: KustomizationRef): void {
  const line = lineOfRef(text, r.ref);
  const target = resolveRepoPath(repoDirname(file), r.ref);
  if (target === undefined || (!walk.snapshot.files.has(target) && !findKustomizationFile(walk.snapshot, target))) {
    if (isRemoteRef(r.ref)) {
      walk.out.problems.push({ file, line, remote: true, message: `remote ${r.field} "${r.ref}" is not fetched: kubegate renders only what is in the repository` });
    } else if (target === undefined) {
      walk.out.problems.push({ file, line, message: `${r.field} "${r.ref}" points outside the repository` });
    } else {
      // Missing (perhaps deleted by the change): kustomize will say so; listing it marks the overlay as affected.
      walk.out.files.add(target);
    }
    return;
  }
  if (walk.snapshot.files.has(target)) {
    walk.out.files.add(target);
    if (r.role === 'resource' || r.role === 'crd') walk.out.resourceFiles.push(target);
    if (r.role === 'patch') walk.out.patchFiles.push(target);
    return;
  }
  visitDir(walk, target);
}

function visitDir(walk: Walk, dir: string): void {
  const file = findKustomizationFile(walk.snapshot, dir);
  if (!file || walk.visited.has(file)) return;
  walk.visited.add(file);
  walk.out.files.add(file);
  const parsed = parseKustomization(walk.snapshot, file, walk.cache);
  if ('error' in parsed) {
    walk.out.problems.push(parsed.error);
    return;
  }
  for (const r of listKustomizationRefs(parsed.doc)) followRef(walk, file, parsed.text, r);
}

/** Undefined when `dir` has no kustomization file. */
export function collectOverlayInputs(snapshot: Snapshot, dir: string, cache: KustomizationCache = new Map()): OverlayInputs | undefined {
  const kustomizationFile = findKustomizationFile(snapshot, dir);
  if (!kustomizationFile) return undefined;
  const out: OverlayInputs = { dir, kustomizationFile, files: new Set(), resourceFiles: [], patchFiles: [], problems: [] };
  visitDir({ snapshot, cache, visited: new Set(), out }, dir);
  return out;
}
