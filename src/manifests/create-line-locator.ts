// Finds the line of a field inside one document. The fast load keeps no
// positions, so this re-parses the document's text once, on the first call,
// with js-yaml's listener: every node reports the line where it opens, and the
// nodes closing directly inside a mapping alternate key, value, key, value.
import { load, type State } from 'js-yaml';
import type { FieldPath } from '../core/types.js';
import { KUBERNETES_YAML_SCHEMA } from './yaml-schema.js';

interface NodeEvent {
  /** 0-based line (within the text) where the node opens. */
  line: number;
  depth: number;
  /** Index of the first event closed after this node opened (its first child, if any). */
  firstChild: number;
  result: unknown;
}

interface PositionIndex {
  root: unknown;
  events: NodeEvent[];
  byValue: Map<object, number>;
}

function indexPositions(text: string): PositionIndex | undefined {
  const events: NodeEvent[] = [];
  const open: Array<{ line: number; firstChild: number }> = [];
  const byValue = new Map<object, number>();
  let root: unknown;
  try {
    root = load(text, {
      schema: KUBERNETES_YAML_SCHEMA,
      json: true,
      listener(eventType: 'open' | 'close', state: State) {
        if (eventType === 'open') {
          open.push({ line: state.line, firstChild: events.length });
          return;
        }
        const started = open.pop();
        if (!started) return;
        const result: unknown = state.result;
        const index = events.push({ line: started.line, depth: open.length, firstChild: started.firstChild, result }) - 1;
        if (result !== null && typeof result === 'object') byValue.set(result, index);
      },
    });
  } catch {
    return undefined;
  }
  return { root, events, byValue };
}

/** Events that closed directly inside `parent` (keys and values of a mapping, items of a sequence). */
function childrenOf(index: PositionIndex, parent: number): NodeEvent[] {
  const node = index.events[parent];
  if (!node) return [];
  const children: NodeEvent[] = [];
  for (let i = node.firstChild; i < parent; i++) {
    const event = index.events[i];
    if (event && event.depth === node.depth + 1) children.push(event);
  }
  return children;
}

function keyLine(index: PositionIndex, parent: number, key: string): number | undefined {
  const children = childrenOf(index, parent);
  for (let i = 0; i + 1 < children.length; i += 2) {
    const child = children[i];
    if (child && String(child.result) === key) return child.line;
  }
  return children.find((child) => String(child.result) === key)?.line;
}

function itemLine(index: PositionIndex, parent: number, position: number): number | undefined {
  // A scalar item may close twice (once as a would-be mapping key); keep one per line and value.
  const items: NodeEvent[] = [];
  for (const child of childrenOf(index, parent)) {
    const last = items[items.length - 1];
    if (last && last.line === child.line && last.result === child.result && typeof child.result !== 'object') continue;
    items.push(child);
  }
  return items[position]?.line;
}

function locate(index: PositionIndex, path: FieldPath): number | undefined {
  let value = index.root;
  let node = value !== null && typeof value === 'object' ? index.byValue.get(value) : undefined;
  if (node === undefined) return undefined;
  let line = index.events[node]?.line;
  for (const segment of path) {
    const container = value as Record<string | number, unknown> | null;
    const child = container !== null && typeof container === 'object' ? container[segment] : undefined;
    if (child === undefined) return line;
    const childNode = child !== null && typeof child === 'object' ? index.byValue.get(child) : undefined;
    if (childNode === undefined) {
      const found = Array.isArray(value) ? itemLine(index, node, Number(segment)) : keyLine(index, node, String(segment));
      return found ?? line;
    }
    value = child;
    node = childNode;
    line = index.events[node]?.line ?? line;
  }
  return line;
}

/**
 * Returns lineOf(path) for the document `text`, whose first line is line
 * `firstLine` of its file. Paths that do not exist resolve to their deepest
 * existing ancestor; documents that cannot be re-parsed to `fallbackLine`.
 */
export function createLineLocator(text: string, firstLine: number, fallbackLine: number): (path: FieldPath) => number {
  let index: PositionIndex | undefined | null = null;
  return (path: FieldPath): number => {
    if (index === null) index = indexPositions(text);
    if (!index) return fallbackLine;
    const line = locate(index, path);
    return line === undefined ? fallbackLine : firstLine + line;
  };
}
