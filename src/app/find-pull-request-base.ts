// The commit a pull request's changes are measured from: the merge base of
// its base branch and its head, as GitHub's "Files changed" tab shows them.
// The base branch's tip (pull_request.base.sha) would count every commit the
// base branch gained since the branch point as the pull request's own: more
// files validated, and a diff and policy oldObject of the wrong state. If
// GitHub cannot say (an error, an unrelated history), the tip is used, with a
// warning in the installation's log (as the snapshot fallback warns).
import type { GitHubPort } from '../github/github-port.js';
import type { ValidationTarget } from './validation-target.js';

export async function findPullRequestBase(port: GitHubPort, target: Pick<ValidationTarget, 'baseSha' | 'headSha' | 'pullNumber'>): Promise<string> {
  try {
    return await port.mergeBase(target.baseSha, target.headSha);
  } catch (error: unknown) {
    const why = error instanceof Error ? error.message : String(error);
    port.log?.warn(
      `kubegate: ${port.repo.owner}/${port.repo.repo}#${target.pullNumber}: no merge base of ${target.baseSha.slice(0, 7)} and ${target.headSha.slice(0, 7)} (${why}); comparing with the base branch's head instead, so commits it gained since the branch point count as the pull request's`,
    );
    return target.baseSha;
  }
}
