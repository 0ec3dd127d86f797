// One environment's dry-run outcomes -> ordered, masked object diffs.
import { compareApplyOrder } from './apply-order.js';
import { diffAppliedObject, diffAsWritten, diffRemovedObject, type DiffTextOptions } from './compute-object-diff.js';
import type { DryRunOutcome, EnvironmentDiff, EnvironmentDryRun, ObjectDiff, RemovalPolicy } from './types.js';

export interface EnvironmentDiffOptions extends DiffTextOptions {
  /** What the sync after merge does with objects removed from Git (decideRemovalPolicy); absent: not known. */
  removal?: RemovalPolicy;
}

const NAMESPACE_NOT_FOUND = /^namespaces "([^"]+)" not found$/;

function createdNamespaces(applied: readonly DryRunOutcome[]): Set<string> {
  return new Set(
    applied
      .filter((o) => o.ref.group === '' && o.ref.kind === 'Namespace' && o.live === null && o.merged !== undefined)
      .map((o) => o.ref.name),
  );
}

/** "group/Kind" of each CustomResourceDefinition this change creates. */
function createdKinds(applied: readonly DryRunOutcome[]): Set<string> {
  const kinds = new Set<string>();
  for (const o of applied) {
    if (o.ref.kind !== 'CustomResourceDefinition' || o.live !== null || !o.merged) continue;
    const spec = o.merged.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
    if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string') kinds.add(`${spec.group}/${spec.names.kind}`);
  }
  return kinds;
}

interface CreatedHere {
  namespaces: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
}

/** Why the server could not dry-run an object that depends on something this change creates. */
function dependsOnCreated(outcome: DryRunOutcome, created: CreatedHere): string | undefined {
  const error = outcome.error;
  if (!error) return undefined;
  const namespace = error.status === 404 ? NAMESPACE_NOT_FOUND.exec(error.message)?.[1] : undefined;
  if (namespace !== undefined && created.namespaces.has(namespace)) return `its namespace "${namespace}" is created by this change`;
  const kind = `${outcome.ref.group}/${outcome.ref.kind}`;
  if (error.reason === 'UnknownKind' && created.kinds.has(kind)) return `its CustomResourceDefinition (${kind}) is created by this change`;
  return undefined;
}

function diffOutcome(outcome: DryRunOutcome, created: CreatedHere, options: DiffTextOptions): ObjectDiff {
  const why = dependsOnCreated(outcome, created);
  if (why === undefined) return diffAppliedObject(outcome, options);
  return diffAsWritten(outcome, `shown as written, not dry-run: ${why}, so the server cannot check it yet`, options);
}

/**
 * The objects in the order the sync touches them: applies in apply order, then
 * its prunes in reverse apply order (namespaced objects before their
 * Namespace); objects removed from Git that the sync leaves come last.
 */
export function buildEnvironmentDiff(dryRun: EnvironmentDryRun, options: EnvironmentDiffOptions = {}): EnvironmentDiff {
  const { removal, ...textOptions } = options;
  const created = { namespaces: createdNamespaces(dryRun.applied), kinds: createdKinds(dryRun.applied) };
  const applied = dryRun.applied.map((o) => diffOutcome(o, created, textOptions)).sort((a, b) => compareApplyOrder(a.ref, b.ref));
  const removed = dryRun.removed.map((o) => diffRemovedObject(o, removal, textOptions)).sort((a, b) => compareApplyOrder(b.ref, a.ref));
  return {
    environment: dryRun.environment,
    cluster: dryRun.cluster,
    ...(dryRun.unreachable ? { unreachable: dryRun.unreachable } : {}),
    objects: [...applied, ...removed.filter((o) => o.action === 'delete'), ...removed.filter((o) => o.action !== 'delete')],
  };
}
