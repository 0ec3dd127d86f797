// The sticky comment plan: edit parts in place, create missing parts, delete
// parts left over from a longer report, write nothing when nothing changed.
import { planStickyComment } from '../../../src/github/sticky-comment/plan-sticky-comment.js';
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
