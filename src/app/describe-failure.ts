// An error of a validation pass -> the check-run output a user reads. The gate
// fails closed: conclusion failure (GitHub counts "neutral" as passing for
// required checks), with what went wrong and what to do about it.
import { GitHubApiError, SnapshotError } from '../github/errors.js';
import type { CheckRunOutput } from '../github/github-port.js';
import { shortenText } from '../github/truncate-text.js';

const DETAIL_MAX_CHARS = 4000;

/** `subject`: what kubegate was doing, e.g. "validate this pull request", "sync this commit". */
export function describeFailure(error: unknown, subject = 'validate this pull request'): CheckRunOutput {
  const { kind, hint } = classify(error);
  const summary = [
    `kubegate could not ${subject}, so this check fails: it never passes without a result.`,
    `**What went wrong** (${kind}): ${shortenText(messageChain(error), DETAIL_MAX_CHARS)}`,
    hint,
    'Press **Re-run** on this check to try again.',
  ].join('\n\n');
  return { title: `kubegate could not finish: ${kind}`, summary };
}

function classify(error: unknown): { kind: string; hint: string } {
  if (error instanceof GitHubApiError) {
    if (error.status === 401 || error.status === 403) {
      return {
        kind: 'GitHub API error',
        hint: 'GitHub refused the request: check that the app is installed on this repository with the permissions listed in docs/github-app.md.',
      };
    }
    if (error.status === 404) {
      return { kind: 'GitHub API error', hint: 'GitHub did not find it: the commit may have been removed by a force-push.' };
    }
    return { kind: 'GitHub API error', hint: 'This is usually temporary (GitHub unavailable, rate limit, network).' };
  }
  if (error instanceof SnapshotError) {
    return { kind: 'repository snapshot', hint: 'The repository archive GitHub served could not be read completely.' };
  }
  return { kind: 'internal error', hint: 'This is a bug in kubegate; the app log has the details.' };
}

/** "message (caused by: message ...)" over at most three causes. */
function messageChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const text = current instanceof Error ? `${current.name === 'Error' ? '' : `${current.name}: `}${current.message}` : String(current);
    if (!parts.some((p) => p.includes(text))) parts.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' (caused by: ') + ')'.repeat(Math.max(0, parts.length - 1));
}
