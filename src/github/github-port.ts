// The narrow port through which the app talks to GitHub. Only
// create-github-port.ts implements it with Octokit; everything else in the app
// (check runs, sticky comment, snapshots) is written against this interface.
import type { Readable } from 'node:stream';
import type { ChatOpsPort } from './chatops-port.js';
import type { RevertPort } from './revert-port.js';
import type { SyncPort } from './sync-port.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

export type CheckRunConclusion = 'success' | 'failure' | 'neutral';

export interface CheckRunInfo {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  externalId: string | null;
  annotationsCount: number;
  /** The app that owns the run (null when GitHub does not say). */
  appId: number | null;
  /** The run's page on GitHub. */
  htmlUrl?: string;
}

export interface NewCheckRun {
  name: string;
  headSha: string;
  externalId: string;
  output: CheckRunOutput;
}

export type CheckRunUpdate =
  | { status: 'in_progress'; externalId?: string; output: CheckRunOutput }
  | { status: 'completed'; conclusion: CheckRunConclusion; externalId?: string; output: CheckRunOutput }
  | { output: CheckRunOutput };

export interface IssueCommentInfo {
  id: number;
  body: string;
  /** The GitHub App that wrote the comment, when an app did. */
  appId: number | null;
  /** "Bot" for comments written by an app installation. */
  userType: string | null;
}

export interface PullRequestInfo {
  number: number;
  baseRef: string;
  baseSha: string;
  headSha: string;
  /** The head is in another repository (or in a deleted fork). */
  fromFork: boolean;
}

export type RepoFile =
  | { kind: 'file'; text: string }
  | { kind: 'not-a-file'; type: string }
  | { kind: 'too-large'; size: number };

/** One entry of a commit's tree as GitHub lists it (GET /git/trees/{sha}?recursive=1). */
export interface GitTreeEntry {
  path: string;
  /** "100644"/"100755" file, "120000" symlink, "160000" submodule, "040000" directory. */
  mode: string;
  /** "blob", "tree" or "commit" (a submodule). */
  type: string;
  sha: string;
  /** Blobs only. */
  size?: number;
}

export interface GitTree {
  entries: GitTreeEntry[];
  /** GitHub left entries out (its limit for one answer). */
  truncated: boolean;
}

export interface GitHubPort extends SyncPort, ChatOpsPort, RevertPort {
  readonly repo: RepoRef;
  /** The id of the GitHub App this port acts as (undefined with token auth). */
  appId(): Promise<number | undefined>;
  /** The latest check run per name for a commit, of one app when appId is given. */
  listCheckRuns(headSha: string, appId: number | undefined): Promise<CheckRunInfo[]>;
  createCheckRun(run: NewCheckRun): Promise<CheckRunInfo>;
  updateCheckRun(id: number, update: CheckRunUpdate): Promise<void>;
  /** A file at a ref; undefined when it does not exist. */
  readFile(path: string, ref: string): Promise<RepoFile | undefined>;
  /** The gzipped tarball of the repository at a ref (redirects followed). */
  downloadTarball(ref: string): Promise<Readable>;
  /** Every entry of a commit's tree, in one request (the snapshot fallback when no tarball is served). */
  getTree(ref: string): Promise<GitTree>;
  /** The bytes of one blob. */
  getBlob(sha: string): Promise<Buffer>;
  /** Where the adapter's warnings go (the installation's logger); absent: nowhere. */
  readonly log?: { warn(message: string): void };
  getPullRequest(pullNumber: number): Promise<PullRequestInfo>;
  /** The best common ancestor of two commits (GET compare/{base}...{head}, merge_base_commit). */
  mergeBase(baseSha: string, headSha: string): Promise<string>;
  listIssueComments(issueNumber: number): Promise<IssueCommentInfo[]>;
  createIssueComment(issueNumber: number, body: string): Promise<void>;
  updateIssueComment(commentId: number, body: string): Promise<void>;
  deleteIssueComment(commentId: number): Promise<void>;
}
