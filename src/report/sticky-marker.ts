// The hidden first line of every part of the sticky comment, by which the app
// finds its own comments again (update in place instead of posting anew).

export const STICKY_MARKER_PREFIX = '<!-- kubegate:sticky';

export function stickyMarker(part: number, parts: number): string {
  return `${STICKY_MARKER_PREFIX} part=${part}/${parts} -->`;
}

/** Reads `{ part, parts }` from a comment body's first line, if it is a kubegate sticky comment. */
export function parseStickyMarker(body: string): { part: number; parts: number } | undefined {
  const m = /^<!-- kubegate:sticky part=(\d+)\/(\d+) -->/.exec(body);
  return m ? { part: Number(m[1]), parts: Number(m[2]) } : undefined;
}
