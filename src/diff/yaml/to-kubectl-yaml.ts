// JSON data as kubectl prints it (sigs.k8s.io/yaml on go-yaml v2): keys in
// go-yaml's order, block style, sequences not indented under their key, empty
// maps and lists as {} and [], long strings folded at 80 columns.
import { sortGoYamlKeys } from './go-yaml-key-order.js';
import { writeString, type ScalarPlace } from './write-scalar.js';

const pad = (n: number): string => ' '.repeat(n);

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown, place: ScalarPlace): string {
  if (typeof value === 'string') return writeString(value, place);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : value < 0 ? '-.inf' : '.nan';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[]';
  if (isMapping(value)) return '{}';
  return writeString(String(value), place);
}

function isBlockNode(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isMapping(value) && Object.keys(value).length > 0);
}

function mappingLines(map: Record<string, unknown>, indent: number): string[] {
  const lines: string[] = [];
  for (const key of sortGoYamlKeys(Object.keys(map))) {
    const value = map[key];
    if (value === undefined) continue;
    const head = `${pad(indent)}${writeString(key, { column: indent, indent, simpleKey: true })}:`;
    if (Array.isArray(value) && value.length > 0) lines.push(head, ...sequenceLines(value, indent));
    else if (isBlockNode(value)) lines.push(head, ...mappingLines(value as Record<string, unknown>, indent + 2));
    else lines.push(`${head} ${scalarText(value, { column: head.length + 1, indent: indent + 2 })}`);
  }
  return lines;
}

function itemLines(item: unknown, indent: number): string[] {
  const inner = Array.isArray(item) ? sequenceLines(item, indent + 2) : mappingLines(item as Record<string, unknown>, indent + 2);
  const [first = '', ...rest] = inner;
  return [`${pad(indent)}- ${first.slice(indent + 2)}`, ...rest];
}

function sequenceLines(list: readonly unknown[], indent: number): string[] {
  return list.flatMap((item) =>
    isBlockNode(item) ? itemLines(item, indent) : [`${pad(indent)}- ${scalarText(item, { column: indent + 2, indent: indent + 2 })}`],
  );
}

/** The YAML document kubectl would print for `value` (ends with a line break). */
export function toKubectlYaml(value: unknown): string {
  if (Array.isArray(value)) return value.length > 0 ? `${sequenceLines(value, 0).join('\n')}\n` : '[]\n';
  if (isMapping(value)) return Object.keys(value).length > 0 ? `${mappingLines(value, 0).join('\n')}\n` : '{}\n';
  return `${scalarText(value, { column: 0, indent: 0 })}\n`;
}
