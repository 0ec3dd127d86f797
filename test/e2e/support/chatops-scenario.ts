// ChatOps end to end: the hello-world scenario (pull request #2) plus what
// ChatOps asks GitHub: reactions on the command's comment and the commenter's
// role. Comments are the derived issue_comment.created payload with a new body.
import type { Permission } from '../../../src/chatops/types.js';
import { isObject, loadPayload, type FakeGitHub, type JsonObject } from '../../harness/github/index.js';
import { OWNER, REPO, startScenario, type Scenario, type ScenarioOptions } from './hello-world.js';

export const COMMENT_ID = 492700400;

export interface ChatOpsScenario extends Scenario {
  reactions: string[];
  /** Delivers issue_comment.created with this body (and author). */
  comment(body: string, author?: { login: string; type: string }): Promise<void>;
}

export interface ChatOpsScenarioOptions extends ScenarioOptions {
  permission?: Permission;
  /** GitHub refuses every reaction with this answer (reactions are then still recorded as asked). */
  reactionsRefused?: { status: number; message: string };
}

export async function startChatOpsScenario(options: ChatOpsScenarioOptions = {}): Promise<ChatOpsScenario> {
  const scenario = await startScenario(options);
  const reactions = fakeChatOps(scenario.harness.github, options.permission ?? 'write', options.reactionsRefused);
  return {
    ...scenario,
    reactions,
    comment: (body, author) => scenario.harness.deliver('issue_comment', commentPayload(body, author)),
  };
}

export function commentPayload(body: string, author?: { login: string; type: string }): JsonObject {
  const payload = loadPayload('issue_comment.created.pull-request');
  const comment = payload['comment'] as JsonObject;
  comment['body'] = body;
  if (author) {
    comment['user'] = { ...(comment['user'] as JsonObject), ...author };
    payload['sender'] = { ...(payload['sender'] as JsonObject), ...author };
  }
  return payload;
}

/** Reactions on comments (returned, as "COMMENT_ID content") and the commenter's role. */
export function fakeChatOps(github: FakeGitHub, permission: Permission, refused?: { status: number; message: string }): string[] {
  fakePermission(github, permission);
  return fakeReactions(github, refused);
}

function fakeReactions(github: FakeGitHub, refused?: { status: number; message: string }): string[] {
  const reactions: string[] = [];
  github.on(
    'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    (request) => {
      const content = String((request.body as JsonObject)['content']);
      reactions.push(`${request.params['comment_id'] ?? ''} ${content}`);
      if (refused) return { status: refused.status, body: { message: refused.message, documentation_url: 'https://docs.github.com/rest/reactions' } };
      return { status: 201, body: { ...github.example('reaction'), content } };
    },
    { optional: true, match: (r) => r.params['owner'] === OWNER && r.params['repo'] === REPO },
  );
  return reactions;
}

function fakePermission(github: FakeGitHub, permission: Permission): void {
  github.on(
    'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
    () => {
      const body = github.example('repository-collaborator-permission-response-if-user-has-admin-permissions');
      const classic = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      // GitHub's example leaves out the collaborator's role_name, which the schema requires.
      const user = isObject(body['user']) ? { ...body['user'], role_name: permission } : body['user'];
      return { status: 200, body: { ...body, user, permission: classic, role_name: permission } };
    },
    { optional: true },
  );
}
