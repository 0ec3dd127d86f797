// Path arithmetic inside a repository snapshot (POSIX, root-relative, no leading "./").
import { posix } from 'node:path';

/** Joins a repository directory and a relative reference; undefined when it leaves the repository. */
export function resolveRepoPath(dir: string, ref: string): string | undefined {
  if (posix.isAbsolute(ref)) return undefined;
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, ref));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

export function repoDirname(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** True when `path` is `dir` or below it. */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
