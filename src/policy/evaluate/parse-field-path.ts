// The path a kubegate.dev/field-path expression returns, as text:
// "spec.template.spec.containers[0].image", with an optional leading dot (as
// CRD fieldPaths write it), and keys holding dots or slashes in brackets,
// single-quoted as in CRD fieldPaths or double-quoted as kubegate prints them
// (metadata.labels['app.kubernetes.io/name'], metadata.labels["app.kubernetes.io/name"]).
import type { FieldPath } from '../../core/types.js';

const STEP = /\.([^.[\]'"]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\[("(?:[^"\\]|\\.)*")\]/y;

function jsonString(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

function segmentOf(match: RegExpExecArray): string | number | undefined {
  const [, name, index, singleQuoted, doubleQuoted] = match;
  if (name !== undefined) return name;
  if (index !== undefined) return Number(index);
  if (singleQuoted !== undefined) return singleQuoted.replace(/\\(.)/g, '$1');
  return jsonString(doubleQuoted ?? '');
}

/** The segments of `text`; undefined when it is empty or not a path. */
export function parseFieldPath(text: string): FieldPath | undefined {
  const path = text.startsWith('.') || text.startsWith('[') ? text : `.${text}`;
  const segments: Array<string | number> = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const match = STEP.exec(path);
    const segment = match ? segmentOf(match) : undefined;
    if (segment === undefined) return undefined;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : undefined;
}
