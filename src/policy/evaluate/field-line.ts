// Best-effort line for a finding whose policy states no kubegate.dev/field-path:
// the first field the failing expression reads from `object` that exists
// (variables followed to their own expressions), else the deepest existing
// prefix of one, else the object's first line.
import type { FieldPath, ManifestObject } from '../../core/types.js';
import { selectPaths } from '../cel/index.js';
import { fieldAt } from '../load/read-fields.js';
import type { CompiledPolicy, PolicyExpression } from '../types.js';

type Path = Array<string | number>;

function objectPaths(expression: PolicyExpression, policy: CompiledPolicy, depth: number): Path[] {
  const out: Path[] = [];
  for (const { root, path } of selectPaths(expression.program.ast)) {
    if (root === 'object') out.push(path);
    if (root !== 'variables' || depth > 8 || typeof path[0] !== 'string') continue;
    const variable = policy.variables.find((v) => v.name === path[0]);
    if (!variable) continue;
    for (const inner of objectPaths(variable.expression, policy, depth + 1)) out.push([...inner, ...path.slice(1)]);
  }
  return out;
}

const candidates = new WeakMap<PolicyExpression, Path[]>();

function candidatePaths(expression: PolicyExpression, policy: CompiledPolicy): Path[] {
  let paths = candidates.get(expression);
  if (!paths) {
    paths = objectPaths(expression, policy, 0);
    candidates.set(expression, paths);
  }
  return paths;
}

function existingPrefix(body: unknown, path: Path): Path {
  let end = 0;
  while (end < path.length && fieldAt(body, path.slice(0, end + 1)) !== undefined) end++;
  return path.slice(0, end);
}

/**
 * The field path a finding is about ([] for the object itself): the first
 * candidate that exists and is not the start of a longer existing candidate
 * (`spec` loses to `spec.template.spec`), else the deepest existing prefix.
 */
export function findingPath(expression: PolicyExpression, policy: CompiledPolicy, object: ManifestObject): FieldPath {
  const paths = candidatePaths(expression, policy).filter((p) => p.length > 0);
  const existing = paths.filter((p) => fieldAt(object.body, p) !== undefined);
  const extends_ = (longer: Path, shorter: Path): boolean => longer.length > shorter.length && shorter.every((step, i) => longer[i] === step);
  const chosen = existing.find((p) => !existing.some((q) => extends_(q, p)));
  if (chosen) return chosen;
  let best: Path = [];
  for (const path of paths) {
    const prefix = existingPrefix(object.body, path);
    if (prefix.length > best.length) best = prefix;
  }
  return best;
}
