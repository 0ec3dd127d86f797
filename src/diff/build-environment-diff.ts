// One environment's dry-run outcomes -> ordered, masked object diffs.
import { compareApplyOrder } from './apply-order.js';
import { diffAppliedObject, diffAsWritten, diffRemovedObject, type DiffTextOptions } from './compute-object-diff.js';
import type { DryRunOutcome, EnvironmentDiff, EnvironmentDryRun, ObjectDiff } from './types.js';

const NAMESPACE_NOT_FOUND = /^namespaces "([^"]+)" not found$/;

function createdNamespaces(applied: readonly DryRunOutcome[]): Set<string> {
  return new Set(
    applied
      .filter((o) => o.ref.group === '' && o.ref.kind === 'Namespace' && o.live === null && o.merged !== undefined)
      .map((o) => o.ref.name),
  );
}

function diffOutcome(outcome: DryRunOutcome, newNamespaces: ReadonlySet<string>, options: DiffTextOptions): ObjectDiff {
  const missing = outcome.error?.status === 404 ? NAMESPACE_NOT_FOUND.exec(outcome.error.message)?.[1] : undefined;
  if (missing !== undefined && newNamespaces.has(missing)) {
    const note = `shown as written, not dry-run: its namespace "${missing}" is created by this change, so the server cannot check it yet`;
    return diffAsWritten(outcome, note, options);
  }
  return diffAppliedObject(outcome, options);
}

export function buildEnvironmentDiff(dryRun: EnvironmentDryRun, options: DiffTextOptions = {}): EnvironmentDiff {
  const newNamespaces = createdNamespaces(dryRun.applied);
  const applied = dryRun.applied.map((o) => diffOutcome(o, newNamespaces, options)).sort((a, b) => compareApplyOrder(a.ref, b.ref));
  const removed = dryRun.removed.map(diffRemovedObject).sort((a, b) => compareApplyOrder(b.ref, a.ref));
  return {
    environment: dryRun.environment,
    cluster: dryRun.cluster,
    ...(dryRun.unreachable ? { unreachable: dryRun.unreachable } : {}),
    objects: [...applied, ...removed],
  };
}
