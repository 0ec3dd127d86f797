// A rule's fieldPath (".spec.ports", ".labels['app.kubernetes.io/name']"):
// where, below the rule's node, its finding goes (ValidFieldPath in
// apiextensions-apiserver). Each step must name a declared property, or a key
// of a map; an invalid path leaves the finding at the rule's node, as the API
// server does (it refuses such a CRD anyway).
import { additionalPropertiesOf, hasProperties, propertiesOf, type SchemaNode } from './schema-node.js';

const TOKEN = /\.([^.[\]']+)|\['((?:[^'\\]|\\.)*)'\]/y;
const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '\\': '\\' };

function unescapeQuoted(text: string): string | undefined {
  let ok = true;
  const out = text.replace(/\\(.)/g, (_match, directive: string) => {
    const replacement = ESCAPES[directive];
    if (replacement === undefined) ok = false;
    return replacement ?? '';
  });
  return ok ? out : undefined;
}

function step(schema: SchemaNode, name: string): SchemaNode | undefined {
  if (hasProperties(schema)) return propertiesOf(schema)[name];
  return additionalPropertiesOf(schema);
}

/** The segments of `fieldPath` below `schema`, or undefined when the path is not valid there. */
export function ruleFieldPath(fieldPath: string, schema: SchemaNode): string[] | undefined {
  const segments: string[] = [];
  let node: SchemaNode | undefined = schema;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < fieldPath.length) {
    const match = TOKEN.exec(fieldPath);
    if (!match || !node) return undefined;
    const name = match[1] ?? unescapeQuoted(match[2] ?? '');
    if (name === undefined) return undefined;
    node = step(node, name);
    if (!node) return undefined;
    segments.push(name);
  }
  return segments;
}
