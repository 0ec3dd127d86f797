// The sticky comment plan: edit parts in place, create missing parts, delete
// parts left over from a longer report, write nothing when nothing changed;
// only the app's own marked comments are touched.
import type { GitHubPort, IssueCommentInfo } from '../../../src/github/github-port.js';
import { planStickyComment } from '../../../src/github/sticky-comment/plan-sticky-comment.js';
import { upsertStickyComment } from '../../../src/github/sticky-comment/upsert-sticky-comment.js';
import { stickyMarker } from '../../../src/report/sticky-marker.js';

const part = (n: number, of: number, text: string): string => `${stickyMarker(n, of)}\n${text}\n`;

test('first report: every part is created, in order', () => {
  expect(planStickyComment([], [part(1, 2, 'a'), part(2, 2, 'b')])).toEqual([
    { op: 'create', body: part(1, 2, 'a') },
    { op: 'create', body: part(2, 2, 'b') },
  ]);
});

test('same report again: no write at all', () => {
  const parts = [part(1, 1, 'a')];
  expect(planStickyComment([{ id: 1, body: parts[0] ?? '' }], parts)).toEqual([]);
});

test('shorter report: parts edited in place, surplus and duplicate parts deleted', () => {
  const existing = [
    { id: 1, body: part(1, 3, 'old a') },
    { id: 2, body: part(2, 3, 'old b') },
    { id: 3, body: part(3, 3, 'old c') },
    { id: 4, body: part(1, 3, 'a duplicate from a race') },
  ];
  expect(planStickyComment(existing, [part(1, 1, 'new')])).toEqual([
    { op: 'update', id: 1, body: part(1, 1, 'new') },
    { op: 'delete', id: 2 },
    { op: 'delete', id: 3 },
    { op: 'delete', id: 4 },
  ]);
});

test('longer report: the missing part is created', () => {
  expect(planStickyComment([{ id: 1, body: part(1, 1, 'a') }], [part(1, 2, 'a'), part(2, 2, 'b')])).toEqual([
    { op: 'update', id: 1, body: part(1, 2, 'a') },
    { op: 'create', body: part(2, 2, 'b') },
  ]);
});

describe('which marked comments are the app\'s own', () => {
  const body = part(1, 1, 'old');
  /** upsertStickyComment over a port holding `comments`; returns the ids it edited. */
  async function editedIds(comments: IssueCommentInfo[], appId: number | undefined): Promise<number[]> {
    const edited: number[] = [];
    const port = {
      listIssueComments: async () => comments,
      createIssueComment: async () => undefined,
      updateIssueComment: async (id: number) => void edited.push(id),
      deleteIssueComment: async (id: number) => void edited.push(id),
    } as unknown as GitHubPort;
    await upsertStickyComment(port, 2, [part(1, 1, 'new')], appId);
    return edited;
  }

  test('written by this app (performed_via_github_app) is edited; another app\'s and a user\'s quote are left alone', async () => {
    expect(await editedIds([{ id: 1, body, appId: 7, userType: 'Bot' }], 7)).toEqual([1]);
    expect(await editedIds([{ id: 2, body, appId: 8, userType: 'Bot' }], 7)).toEqual([]);
    expect(await editedIds([{ id: 3, body, appId: null, userType: 'User' }], 7)).toEqual([]);
  });

  test('a bot comment without performed_via_github_app (older GitHub Enterprise, stand-ins) is edited, not duplicated', async () => {
    expect(await editedIds([{ id: 4, body, appId: null, userType: 'Bot' }], 7)).toEqual([4]);
    expect(await editedIds([{ id: 5, body, appId: null, userType: 'Bot' }], undefined)).toEqual([5]);
  });
});
