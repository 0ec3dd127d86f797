// Reading FieldsV1 (managedFields[].fieldsV1): a trie whose keys are
// "f:<field>", "k:<json key of a list item>", "v:<json value>", "i:<index>"
// and "." (the node itself). A path of the object is owned by a manager when
// the trie reaches it; list items match by index or by any keyed child, since
// the list's merge key is not known here (ownership, not identity, is asked).

type Trie = Record<string, unknown>;

function asTrie(value: unknown): Trie | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Trie) : undefined;
}

function listChildren(node: Trie, index: number, item: unknown): Trie[] {
  const exact = asTrie(node[`i:${index}`]);
  if (exact) return [exact];
  const value = `v:${JSON.stringify(item)}`;
  if (value in node) return [asTrie(node[value]) ?? {}];
  return Object.entries(node).flatMap(([key, child]) => (key.startsWith('k:') && keyMatches(key.slice(2), item) ? [asTrie(child) ?? {}] : []));
}

function keyMatches(json: string, item: unknown): boolean {
  const itemMap = asTrie(item);
  if (!itemMap) return false;
  try {
    const key = asTrie(JSON.parse(json));
    return key !== undefined && Object.entries(key).every(([k, v]) => JSON.stringify(itemMap[k]) === JSON.stringify(v));
  } catch {
    return false;
  }
}

/**
 * Whether `fields` reaches `path` of `object` (or owns a parent of it as a
 * whole, or a field below it). Segments are keys or list indexes.
 */
export function ownsPath(fields: Record<string, unknown> | undefined, path: ReadonlyArray<string | number>, object: unknown): boolean {
  if (!fields) return false;
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(object) ? (object as unknown[]) : [];
    return listChildren(fields, head, list[head]).some((child) => ownsPath(child, rest, list[head]));
  }
  const child = fields[`f:${String(head)}`];
  if (child === undefined) return false;
  const next = asTrie(object)?.[String(head)];
  const trie = asTrie(child) ?? {};
  return Object.keys(trie).length === 0 || ownsPath(trie, rest, next);
}
