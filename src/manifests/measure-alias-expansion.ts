// YAML aliases (`*name`) reuse an anchored node. js-yaml shares the node
// instead of copying it, so parsing stays cheap, but anything that walks the
// result (schema validation, JSON output, a diff) walks every expansion: ten
// nested aliases of ten items each are ten billion values ("billion laughs").
// This measures the expanded size in time linear in the distinct nodes, and
// applies go-yaml's rule (the one kubectl's parser uses) to refuse it.

export interface AliasExpansion {
  /** Values a full walk would visit. */
  expanded: number;
  /** Distinct values actually written in the document. */
  distinct: number;
  /** An alias inside its own anchor: the value contains itself. */
  cyclic: boolean;
}

/** Counts values once per reference, memoising each shared node's size. */
export function measureAliasExpansion(root: unknown): AliasExpansion {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  let distinct = 0;
  let cyclic = false;
  const sizeOf = (value: unknown): number => {
    if (value === null || typeof value !== 'object') {
      distinct++;
      return 1;
    }
    if (open.has(value)) {
      cyclic = true;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) return known;
    distinct++;
    open.add(value);
    let size = 1;
    const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
    for (const child of children) size += sizeOf(child);
    open.delete(value);
    sizes.set(value, size);
    return size;
  };
  const expanded = sizeOf(root);
  return { expanded, distinct, cyclic };
}

/** go-yaml's allowedAliasRatio: generous for small documents, strict for big ones. */
function allowedAliasRatio(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - 0.89 * ((decoded - low) / (high - low));
}

/** Whether the aliases make the document too large to walk safely. */
export function isExcessiveAliasing({ expanded, distinct }: AliasExpansion): boolean {
  const viaAliases = expanded - distinct;
  return viaAliases > 100 && expanded > 1000 && viaAliases / expanded > allowedAliasRatio(expanded);
}
