// Parses one YAML (or JSON) document: with the fast block reader when the
// document is in its subset (read-block-yaml.ts), else with js-yaml.
// Duplicate keys are kept as data, the later value winning as in kubectl's
// YAML reader, so that non-strict validation accepts them and strict
// validation can report them.
// Documents whose aliases would explode when walked are refused.
import { load, YAMLException } from 'js-yaml';
import type { DuplicateKey } from '../core/types.js';
import { isExcessiveAliasing, measureAliasExpansion } from './measure-alias-expansion.js';
import { readBlockYaml } from './read-block-yaml.js';
import type { DocumentChunk } from './split-documents.js';
import { KUBERNETES_YAML_SCHEMA } from './yaml-schema.js';

export type ParsedDocument =
  | { ok: true; value: unknown; duplicateKeys?: DuplicateKey[] }
  | { ok: false; line: number; message: string };

const DUPLICATE_KEY = 'duplicated mapping key';

function keyAt(text: string, position: number): string {
  const rest = text.slice(position, text.indexOf('\n', position) === -1 ? undefined : text.indexOf('\n', position));
  const match = /^\s*(?:-\s+)?("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]+?)\s*:(?:\s|$)/.exec(rest);
  const raw = match?.[1] ?? rest.trim();
  return raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
}

function syntaxError(chunk: DocumentChunk, error: YAMLException): { ok: false; line: number; message: string } {
  const column = error.mark ? ` (column ${error.mark.column + 1})` : '';
  return {
    ok: false,
    line: chunk.firstLine + (error.mark?.line ?? 0),
    message: `YAML syntax error: ${error.reason || error.message}${column}`,
  };
}

function parseYaml(chunk: DocumentChunk): ParsedDocument {
  const simple = readBlockYaml(chunk.text);
  if (simple !== undefined) return { ok: true, value: simple };
  try {
    return { ok: true, value: load(chunk.text, { schema: KUBERNETES_YAML_SCHEMA }) };
  } catch (err: unknown) {
    if (!(err instanceof YAMLException)) throw err;
    if (err.reason !== DUPLICATE_KEY) return syntaxError(chunk, err);
    const duplicate = { key: keyAt(chunk.text, err.mark.position), line: chunk.firstLine + err.mark.line };
    try {
      const value = load(chunk.text, { schema: KUBERNETES_YAML_SCHEMA, json: true });
      return { ok: true, value, duplicateKeys: [duplicate] };
    } catch (again: unknown) {
      if (again instanceof YAMLException) return syntaxError(chunk, again);
      throw again;
    }
  }
}

function refuseAliasBombs(chunk: DocumentChunk, parsed: ParsedDocument): ParsedDocument {
  if (!parsed.ok || !chunk.text.includes('&') || !chunk.text.includes('*')) return parsed;
  const expansion = measureAliasExpansion(parsed.value);
  const line = chunk.contentLine ?? chunk.firstLine;
  if (expansion.cyclic) {
    return { ok: false, line, message: 'YAML alias refers to its own anchor, so the document contains itself; remove that alias' };
  }
  if (isExcessiveAliasing(expansion)) {
    return {
      ok: false,
      line,
      message:
        `YAML aliases expand this document to ${expansion.expanded.toExponential(1)} values from ` +
        `${expansion.distinct} written ones (an "alias bomb"); write the values out instead of aliasing them`,
    };
  }
  return parsed;
}

export function parseDocument(chunk: DocumentChunk): ParsedDocument {
  let parsed: ParsedDocument;
  try {
    parsed = parseYaml(chunk);
  } catch (err: unknown) {
    // js-yaml's own limits (nesting depth, merge work) end up here too.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, line: chunk.contentLine ?? chunk.firstLine, message: `could not parse the document: ${message}` };
  }
  return refuseAliasBombs(chunk, parsed);
}

/** JSON.parse is several times faster than YAML for .json files; YAML stays the fallback (and the error reporter). */
export function parseJsonDocument(chunk: DocumentChunk): ParsedDocument | undefined {
  try {
    return { ok: true, value: JSON.parse(chunk.text) as unknown };
  } catch {
    return undefined;
  }
}
