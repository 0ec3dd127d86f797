// Turns the dry-run of an environment into the apply plan, without touching
// the cluster: which objects are refused (then nothing is applied), which go
// first (Namespaces and CRDs, which the rest may need), then the rest in
// groups of one kind in the diff's apply order; which need a recreate; and
// the ApplySet scope (group-kinds and namespaces) of the members.
import type { ManifestObject } from '../../core/types.js';
import { objectKey } from '../../diff/object-names.js';
import type { DiffAction, DryRunOutcome, EnvironmentDiff, JsonObject, ObjectDiff, ResolvedRef } from '../../diff/types.js';
import { jsonEqual } from '../../diff/json-equal.js';
import type { ApplySetScope } from '../applyset-parent.js';
import { formatGroupKind } from '../group-kind.js';
import type { SyncedObject } from '../types.js';

export interface PlannedObject {
  ref: ResolvedRef;
  object: ManifestObject;
  live: JsonObject | null;
  predicted: DiffAction;
  /** The dry-run result equals the live object: applying would change nothing, so it is not sent. */
  noOp: boolean;
  /** An immutable field changes and the environment allows recreate: delete, then apply. */
  recreate: boolean;
}

export interface ApplyPlan {
  /** Namespaces and CustomResourceDefinitions: applied first, then waited for. */
  foundation: PlannedObject[];
  /** The rest, one group per kind, in apply order. */
  groups: PlannedObject[][];
  /** Objects that stop the sync before anything is applied. */
  refusals: SyncedObject[];
  scope: ApplySetScope;
}

export interface PlanOptions {
  /** sync.namespaces: the only namespaces objects may go to. */
  allowedNamespaces?: readonly string[];
  recreate: boolean;
}

const FOUNDATION = new Set(['/Namespace', 'apiextensions.k8s.io/CustomResourceDefinition']);
const IMMUTABLE = /field is immutable|updates to [a-z]+ spec for fields other than .* are forbidden/i;

export function isImmutableError(message: string): boolean {
  return IMMUTABLE.test(message);
}

function namespaceRefusal(ref: ResolvedRef, allowed: readonly string[] | undefined): string | undefined {
  if (allowed === undefined) return undefined;
  if (ref.namespace !== undefined) {
    return allowed.includes(ref.namespace) ? undefined : `namespace "${ref.namespace}" is not in this environment's sync.namespaces (${allowed.join(', ')})`;
  }
  if (ref.group === '' && ref.kind === 'Namespace' && allowed.includes(ref.name)) return undefined;
  return `cluster-scoped ${ref.kind} is outside this environment's sync.namespaces (${allowed.join(', ')}); only those Namespaces themselves may be applied`;
}

function refusal(diff: ObjectDiff, message: string, field?: string): SyncedObject {
  return { ref: diff.ref, source: diff.source, action: 'failed', predicted: diff.action, message, ...(field === undefined ? {} : { field }) };
}

function groupByKind(objects: readonly PlannedObject[]): PlannedObject[][] {
  const groups: PlannedObject[][] = [];
  for (const o of objects) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.ref.kind === o.ref.kind && last[0]?.ref.group === o.ref.group) last.push(o);
    else groups.push([o]);
  }
  return groups;
}

export function planApply(outcomes: readonly DryRunOutcome[], diff: EnvironmentDiff, options: PlanOptions): ApplyPlan {
  const byKey = new Map(outcomes.map((o) => [objectKey(o.ref), o]));
  const groupKinds = new Set<string>();
  const namespaces = new Set<string>();
  const plan: ApplyPlan = { foundation: [], groups: [], refusals: [], scope: { groupKinds, namespaces } };
  const rest: PlannedObject[] = [];
  for (const d of diff.objects) {
    const outcome = byKey.get(objectKey(d.ref));
    if (!outcome || d.action === 'removed') continue;
    const outside = namespaceRefusal(d.ref, options.allowedNamespaces);
    if (outside) {
      plan.refusals.push(refusal(d, outside));
      continue;
    }
    const recreate = d.action === 'error' && options.recreate && outcome.live !== null && isImmutableError(d.error?.message ?? '');
    if (d.action === 'error' && !recreate) {
      const field = d.errorField?.field;
      const hint = isImmutableError(d.error?.message ?? '') ? ' (an immutable field changes: set sync.recreate: true to delete and re-create the object)' : '';
      plan.refusals.push(refusal(d, `${d.error?.message ?? 'the dry-run failed'}${hint}`, field));
      continue;
    }
    const planned: PlannedObject = {
      ref: d.ref,
      object: outcome.object,
      live: outcome.live,
      predicted: recreate ? 'update' : d.action,
      noOp: !recreate && outcome.live !== null && outcome.merged !== undefined && jsonEqual(outcome.live, outcome.merged),
      recreate,
    };
    (FOUNDATION.has(`${d.ref.group}/${d.ref.kind}`) ? plan.foundation : rest).push(planned);
    groupKinds.add(formatGroupKind(d.ref));
    if (d.ref.namespace !== undefined) namespaces.add(d.ref.namespace);
  }
  plan.groups = groupByKind(rest);
  return plan;
}
