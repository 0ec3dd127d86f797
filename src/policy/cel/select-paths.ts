// The field paths an expression reads from its variables, in source order:
// `object.spec.template.spec.containers` -> { root: "object", path: [spec, template, spec, containers] }.
import { type CelAstNode, childNodes, isCelAstNode } from './cel-ast.js';

export interface SelectPath {
  root: string;
  path: Array<string | number>;
}

function literalKey(node: unknown): string | number | undefined {
  if (!isCelAstNode(node) || node.op !== 'value') return undefined;
  if (typeof node.args === 'string') return node.args;
  if (typeof node.args === 'bigint') return Number(node.args);
  return undefined;
}

/** The chain of a select/index node, or undefined when it does not start at an identifier. */
function chainOf(node: CelAstNode): SelectPath | undefined {
  const path: Array<string | number> = [];
  let current: unknown = node;
  while (isCelAstNode(current)) {
    const args = Array.isArray(current.args) ? current.args : [];
    if (current.op === 'id' && typeof current.args === 'string') return { root: current.args, path: path.reverse() };
    if ((current.op === '.' || current.op === '.?') && typeof args[1] === 'string') path.push(args[1]);
    else if (current.op === '[]' || current.op === '[?]') {
      const key = literalKey(args[1]);
      if (key === undefined) path.length = 0;
      else path.push(key);
    } else return undefined;
    current = args[0];
  }
  return undefined;
}

const SELECT_OPS = new Set(['.', '.?', '[]', '[?]']);

export function selectPaths(root: CelAstNode): SelectPath[] {
  const out: SelectPath[] = [];
  const visit = (node: CelAstNode): void => {
    if (SELECT_OPS.has(node.op)) {
      const chain = chainOf(node);
      if (chain) {
        out.push(chain);
        return;
      }
    }
    childNodes(node).forEach(visit);
  };
  visit(root);
  return out;
}
