// A typed view of the parsed expression tree (cel-js keeps it untyped), for
// analyses such as "which fields of `object` does this expression read".

export interface CelAstNode {
  readonly op: string;
  readonly args: unknown;
  readonly start: number;
  readonly end: number;
}

export function isCelAstNode(value: unknown): value is CelAstNode {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string' && 'args' in value;
}

/** The child nodes of a node, in source order. */
export function childNodes(node: CelAstNode): CelAstNode[] {
  const out: CelAstNode[] = [];
  const visit = (value: unknown): void => {
    if (isCelAstNode(value)) out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  visit(node.args);
  return out;
}
