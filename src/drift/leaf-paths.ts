// The leaves of a desired object: the fields kubegate applies. Maps are
// walked; lists of the same length are walked item by item, a list whose
// length differs is one leaf (compared whole).

export type Segment = string | number;

export interface Leaf {
  path: Segment[];
  desired: unknown;
  live: unknown;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf of `desired`, paired with the live value at the same path. */
export function leafPaths(desired: unknown, live: unknown, path: Segment[] = []): Leaf[] {
  if (isMap(desired) && Object.keys(desired).length > 0) {
    const liveMap = isMap(live) ? live : {};
    return Object.entries(desired).flatMap(([key, value]) => leafPaths(value, liveMap[key], [...path, key]));
  }
  if (Array.isArray(desired) && Array.isArray(live) && desired.length === live.length && desired.length > 0) {
    return desired.flatMap((value, index) => leafPaths(value, live[index], [...path, index]));
  }
  return [{ path, desired, live }];
}

export function formatPath(path: readonly Segment[]): string {
  return path.reduce<string>((text, s) => (typeof s === 'number' ? `${text}[${s}]` : text === '' ? s : `${text}.${s}`), '');
}
