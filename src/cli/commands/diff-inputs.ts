// What `kubegate diff` reads: files, directories (their *.yaml, *.yml,
// *.json; -R for subdirectories), "-" for stdin, or an environment's paths
// from .github/kubegate.yml (plain globs, or Kustomize overlays rendered with
// the render module). Every unreadable input becomes a LoadError.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { EnvironmentConfig } from '../../config/types.js';
import type { LoadError, ManifestObject } from '../../core/types.js';
import { loadManifests } from '../../manifests/index.js';
import { isKustomizationFile } from '../../render/kustomize/kustomization-file.js';
import { runKustomize as defaultRunKustomize, type RunKustomizeOptions } from '../../render/kustomize/run-kustomize.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface LoadedInputs {
  objects: ManifestObject[];
  errors: LoadError[];
}

export interface InputDeps {
  cwd: string;
  readStdin: () => Promise<string>;
  runKustomize?: (options: RunKustomizeOptions) => Promise<string>;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function listDir(dir: string, recursive: boolean): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return recursive && !SKIPPED_DIRS.has(e.name) ? listDir(path, true) : [];
    return e.isFile() && MANIFEST_FILE.test(e.name) ? [path] : [];
  });
}

function addFile(into: LoadedInputs, display: string, read: () => string | Buffer): void {
  let content: string | Buffer;
  try {
    content = read();
  } catch (err: unknown) {
    into.errors.push({ file: display, line: 1, message: `cannot be read: ${err instanceof Error ? err.message : String(err)}` });
    return;
  }
  const loaded = loadManifests(display, content);
  into.objects.push(...loaded.objects.filter((o) => o.kind !== '' && o.apiVersion !== ''));
  into.errors.push(...loaded.errors);
}

/** kubectl -f semantics: files, directories, "-". */
export async function loadPaths(paths: readonly string[], recursive: boolean, deps: InputDeps): Promise<LoadedInputs> {
  const into: LoadedInputs = { objects: [], errors: [] };
  for (const path of paths) {
    if (path === '-') {
      const text = await deps.readStdin();
      addFile(into, '<stdin>', () => text);
      continue;
    }
    const full = resolve(deps.cwd, path);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      into.errors.push({ file: path, line: 1, message: 'no such file or directory' });
      continue;
    }
    const files = isDir ? listDir(full, recursive) : [full];
    for (const file of files) addFile(into, isAbsolute(path) ? file : toPosix(relative(deps.cwd, file)), () => readFileSync(file));
  }
  return into;
}

function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : walk(root, path);
    return e.isFile() ? [toPosix(relative(root, path))] : [];
  });
}

function normalizeDir(path: string): string {
  return path.replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

function overlayDirs(env: EnvironmentConfig, files: readonly string[]): string[] {
  const kustomizationDirs = files.filter(isKustomizationFile).map((f) => (f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : ''));
  const dirs = new Set<string>();
  for (const raw of env.paths) {
    const pattern = normalizeDir(raw);
    if (!picomatch.scan(pattern).isGlob) dirs.add(pattern);
    else {
      const isMatch = picomatch(pattern, { dot: true });
      for (const d of kustomizationDirs) if (isMatch(d)) dirs.add(d);
    }
  }
  return [...dirs].sort();
}

async function renderOverlays(env: EnvironmentConfig, files: readonly string[], deps: InputDeps): Promise<LoadedInputs> {
  const into: LoadedInputs = { objects: [], errors: [] };
  const run = deps.runKustomize ?? defaultRunKustomize;
  for (const dir of overlayDirs(env, files)) {
    const display = dir === '' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`;
    try {
      const output = await run({ root: deps.cwd, dir });
      addFile(into, display, () => output);
    } catch (err: unknown) {
      into.errors.push({ file: display, line: 1, message: `kustomize: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return into;
}

/** The environment's whole desired state in the working tree (not only changed files). */
export async function loadEnvironmentPaths(env: EnvironmentConfig, deps: InputDeps): Promise<LoadedInputs> {
  const files = walk(deps.cwd);
  if (env.render === 'kustomize') return renderOverlays(env, files, deps);
  const isMatch = picomatch(env.paths.map(normalizeDir), { dot: true });
  const matched = files.filter((f) => MANIFEST_FILE.test(f) && isMatch(f) && !isKustomizationFile(f));
  return loadPaths(matched, false, deps);
}
