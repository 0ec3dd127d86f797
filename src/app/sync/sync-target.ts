// What one sync pass is about: a commit on the default branch, and the
// default branch before it (push: `before`; merge: the commit's first parent).
import type { RepoRef } from '../../github/github-port.js';

export interface SyncTarget {
  repo: RepoRef;
  defaultBranch: string;
  sha: string;
  /** Unknown for a merge event: read from the commit's parent. */
  beforeSha?: string;
  trigger: 'push' | 'merge';
  /** The app installation the event came from; recorded on the ApplySet parent (drift after a restart). */
  installationId?: number;
}
