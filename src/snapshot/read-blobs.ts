// Reads many blobs in one `git cat-file --batch` process.
import { GitError, type RunGit } from './run-git.js';

export async function readBlobs(runGit: RunGit, cwd: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return blobs;
  const out = await runGit({ cwd, args: ['cat-file', '--batch'], input: `${unique.join('\n')}\n` });
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8');
    const [id = '', type = '', size = ''] = header.split(' ');
    if (type === 'missing' || size === '') throw new GitError(`git object ${id} is missing from the repository`);
    const start = eol + 1;
    const end = start + Number(size);
    blobs.set(id, out.subarray(start, end));
    at = end + 1;
  }
  return blobs;
}
