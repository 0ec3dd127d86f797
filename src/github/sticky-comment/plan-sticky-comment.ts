// The sticky comment as a find / compare / add / update / remove plan: each
// part of the new report goes to the comment that holds the same part number
// (edited only when its text changed), missing parts are created, and parts
// left over from an earlier, longer report (or duplicates) are deleted.
import { parseStickyMarker } from '../../report/sticky-marker.js';

export interface StickyComment {
  id: number;
  body: string;
}

export type StickyStep =
  | { op: 'create'; body: string }
  | { op: 'update'; id: number; body: string }
  | { op: 'delete'; id: number };

/** `existing` are the app's own sticky comments, oldest first. */
export function planStickyComment(existing: readonly StickyComment[], parts: readonly string[]): StickyStep[] {
  const byPart = new Map<number, StickyComment>();
  const surplus: StickyComment[] = [];
  for (const comment of existing) {
    const part = parseStickyMarker(comment.body)?.part;
    if (part === undefined || byPart.has(part) || part < 1 || part > parts.length) surplus.push(comment);
    else byPart.set(part, comment);
  }
  const steps: StickyStep[] = [];
  parts.forEach((body, i) => {
    const current = byPart.get(i + 1);
    if (!current) steps.push({ op: 'create', body });
    else if (current.body !== body) steps.push({ op: 'update', id: current.id, body });
  });
  for (const comment of surplus) steps.push({ op: 'delete', id: comment.id });
  return steps;
}
