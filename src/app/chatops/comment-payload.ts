// The parts of an issue_comment.created payload ChatOps reads, and whether the
// comment is one to act on: a new comment on a pull request, by a person.
import type { RepositoryPayload } from '../payloads.js';

export interface IssueCommentPayload {
  action: string;
  issue: { number: number; pull_request?: object | null };
  comment: { id: number; body: string; user: { login: string; type?: string } | null };
  sender: { login: string; type?: string };
  repository: RepositoryPayload & { html_url: string };
}

export interface CommentRequest {
  pullNumber: number;
  commentId: number;
  body: string;
  login: string;
  repoUrl: string;
}

export type ResolvedComment = { ok: true; request: CommentRequest } | { ok: false; reason: string };

export function commentRequest(payload: IssueCommentPayload): ResolvedComment {
  const { issue, comment, sender } = payload;
  if (payload.action !== 'created') return { ok: false, reason: `comment ${payload.action}, only new comments count` };
  if (!issue.pull_request) return { ok: false, reason: `#${issue.number} is an issue, not a pull request` };
  if (isBot(sender) || (comment.user !== null && isBot(comment.user))) return { ok: false, reason: `comment by the bot ${sender.login}` };
  return {
    ok: true,
    request: { pullNumber: issue.number, commentId: comment.id, body: comment.body, login: sender.login, repoUrl: payload.repository.html_url },
  };
}

function isBot(user: { login: string; type?: string }): boolean {
  return user.type === 'Bot' || user.login.endsWith('[bot]');
}
