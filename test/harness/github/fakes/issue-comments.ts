// Comments of one issue / pull request, kept as state: list (paginated with
// a Link header, like GitHub), create, update, delete. Comments written
// through the API are the app's: user "<slug>[bot]" of type Bot, and
// performed_via_github_app naming the app.
import type { FakeGitHub, GitHubRequest } from '../fake-github.js';
import { isObject, type JsonObject } from '../openapi-description.js';

export interface FakeComment {
  id: number;
  body: string;
  /** The app that wrote it (null: a person). */
  appId: number | null;
  login: string;
  /** Every body this comment had, first to last. */
  edits: string[];
}

export interface IssueCommentsFake {
  /** Current comments, oldest first (deleted ones removed). */
  readonly comments: FakeComment[];
  readonly deleted: FakeComment[];
  seed(comment: { body: string; appId?: number | null; login?: string }): FakeComment;
}

export interface IssueCommentsOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  appId: number;
  appSlug?: string;
}

export function fakeIssueComments(github: FakeGitHub, options: IssueCommentsOptions): IssueCommentsFake {
  const { owner, repo, issueNumber, appId } = options;
  const botLogin = `${options.appSlug ?? 'kubegate'}[bot]`;
  const comments: FakeComment[] = [];
  const deleted: FakeComment[] = [];
  let nextId = 9_000_001;
  const ours = (request: GitHubRequest): boolean => request.params['owner'] === owner && request.params['repo'] === repo;
  const onIssue = (request: GitHubRequest): boolean => ours(request) && Number(request.params['issue_number']) === issueNumber;

  const seed: IssueCommentsFake['seed'] = ({ body, appId: author = null, login }) => {
    const comment = { id: nextId++, body, appId: author, login: login ?? (author === null ? 'octocat' : botLogin), edits: [body] };
    comments.push(comment);
    return comment;
  };

  const toBody = (comment: FakeComment): JsonObject => {
    const body = github.example('issue-comment');
    const user = isObject(body['user']) ? body['user'] : {};
    Object.assign(body, {
      id: comment.id,
      body: comment.body,
      url: `${github.baseUrl}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
      issue_url: `${github.baseUrl}/repos/${owner}/${repo}/issues/${issueNumber}`,
      user: { ...user, login: comment.login, type: comment.appId === null ? 'User' : 'Bot' },
      performed_via_github_app: comment.appId === null ? null : { ...github.example('integration'), id: comment.appId },
    });
    return body;
  };

  const find = (request: GitHubRequest): FakeComment | undefined =>
    comments.find((c) => c.id === Number(request.params['comment_id']));
  const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

  github.on(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    (request) => {
      const perPage = Number(request.query['per_page'] ?? 30);
      const page = Number(request.query['page'] ?? 1);
      const pages = Math.max(1, Math.ceil(comments.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) {
        const link = (p: number): string =>
          `<${github.baseUrl}/repos/${owner}/${repo}/issues/${issueNumber}/comments?per_page=${perPage}&page=${p}>`;
        headers['link'] = `${link(page + 1)}; rel="next", ${link(pages)}; rel="last"`;
      }
      return { status: 200, body: comments.slice((page - 1) * perPage, page * perPage).map(toBody), headers };
    },
    { optional: true, match: onIssue },
  );

  github.on(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    (request) => {
      const text = isObject(request.body) ? String(request.body['body']) : '';
      return { status: 201, body: toBody(seed({ body: text, appId })) };
    },
    { optional: true, match: onIssue },
  );

  github.on(
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    (request) => {
      const comment = find(request);
      if (!comment) return notFound;
      comment.body = isObject(request.body) ? String(request.body['body']) : comment.body;
      comment.edits.push(comment.body);
      return { status: 200, body: toBody(comment) };
    },
    { optional: true, match: ours },
  );

  github.on(
    'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    (request) => {
      const comment = find(request);
      if (!comment) return notFound;
      comments.splice(comments.indexOf(comment), 1);
      deleted.push(comment);
      return { status: 204 };
    },
    { optional: true, match: ours },
  );

  return { comments, deleted, seed };
}
