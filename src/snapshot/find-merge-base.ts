// `git merge-base BASE HEAD`: where a local branch left its base, so that
// `kubegate plan` measures the changes as a pull request would (GitHub's
// "Files changed"), not against everything the base gained since. Histories
// without a common commit answer undefined; the caller decides what then.
import { GitError, runGit as defaultRunGit, type RunGit } from './run-git.js';

export interface MergeBaseRequest {
  repoDir: string;
  base: string;
  head: string;
  runGit?: RunGit;
}

export async function findMergeBase({ repoDir, base, head, runGit = defaultRunGit }: MergeBaseRequest): Promise<string | undefined> {
  try {
    const out = await runGit({ cwd: repoDir, args: ['merge-base', '--end-of-options', base, head] });
    return out.toString('utf8').trim() || undefined;
  } catch (err: unknown) {
    // Exit status 1 without a message: the two have no common commit. Anything else (a bad ref) is the caller's error.
    if (err instanceof GitError && /exit code 1$/.test(err.message)) return undefined;
    throw err;
  }
}
