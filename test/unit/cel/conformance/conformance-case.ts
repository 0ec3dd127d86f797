// The cel-spec conformance data (@bufbuild/cel-spec), flattened to cases.
import { tests } from '@bufbuild/cel-spec/testdata/conformance.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ConformanceCase {
  suite: string;
  section: string;
  name: string;
  expr: string;
  original: JsonObject;
}

interface SerializedSuite {
  name: string;
  suites?: SerializedSuite[];
  tests?: Array<{ original: JsonObject & { expr: string; name?: string } }>;
}

function collect(suite: SerializedSuite, path: string[], out: ConformanceCase[]): void {
  for (const t of suite.tests ?? []) {
    out.push({ suite: path[0] ?? suite.name, section: path.join('/'), name: t.original.name ?? t.original.expr, expr: t.original.expr, original: t.original });
  }
  for (const child of suite.suites ?? []) collect(child, [...path, child.name], out);
}

export function conformanceCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  collect(tests as SerializedSuite, [], out);
  return out;
}

/** Extensions and protobuf-message suites, reported apart from the base language. */
export const EXTENSION_SUITES = new Set(['bindings_ext', 'block_ext', 'encoders_ext', 'math_ext', 'string_ext', 'optionals']);
export const PROTO_SUITES = new Set(['proto2', 'proto2_ext', 'proto3', 'enums', 'wrappers']);

/** Cases that need protobuf message types (Kubernetes objects reach CEL as maps, so these do not apply). */
export function needsProtobuf(c: ConformanceCase): boolean {
  if (typeof c.original.container === 'string' && c.original.container !== '') return true;
  const text = JSON.stringify(c.original);
  return /messageType|TestAllTypes|NestedTestAllTypes|google\.protobuf\.(?!Duration|Timestamp)/.test(text);
}
