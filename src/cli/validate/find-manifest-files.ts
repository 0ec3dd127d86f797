// The files kubeconform would read for the given paths: each path is walked
// like Go's filepath.Walk (sorted, symlinked folders not followed), files
// named *.yaml, *.yml or *.json are kept unless a --ignore-filename-pattern
// matches their path. Errors read like Go's ("lstat x: no such file or directory").
import { lstat, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type Discovered = { type: 'file'; path: string } | { type: 'error'; path: string; message: string };

const GO_ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
};

/** Go's wording for a failed system call on `path`. */
export function goPathError(op: string, path: string, err: unknown): string {
  const code = err !== null && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  const text = GO_ERRNO[code] ?? (err instanceof Error ? err.message : String(err));
  return `${op} ${path}: ${text}`;
}

export function isManifestFileName(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name);
}

export async function* findManifestFiles(path: string, cwd: string, ignore: readonly RegExp[]): AsyncGenerator<Discovered> {
  let info;
  try {
    info = await lstat(resolve(cwd, path));
  } catch (err: unknown) {
    yield { type: 'error', path, message: goPathError('lstat', path, err) };
    return;
  }
  if (!info.isDirectory()) {
    if (isManifestFileName(path) && !ignore.some((pattern) => pattern.test(path))) yield { type: 'file', path };
    return;
  }
  let names: string[];
  try {
    names = (await readdir(resolve(cwd, path))).sort();
  } catch (err: unknown) {
    yield { type: 'error', path, message: goPathError('open', path, err) };
    return;
  }
  for (const name of names) yield* findManifestFiles(join(path, name), cwd, ignore);
}
