// paramKind + paramRef -> the params objects a binding evaluates with.
import type { ManifestObject } from '../../core/types.js';
import { matchesLabelSelector } from '../match/match-label-selector.js';
import { resourceInfo } from '../match/resource-names.js';
import type { CompiledBinding, CompiledPolicy } from '../types.js';
import type { AdmissionEvent } from './admission-events.js';
import { labelsOf, type ManifestContext } from './manifest-context.js';
import { splitApiVersion } from './admission-events.js';

/** [null] when the policy takes no params; [] when none were found. */
export function resolveParams(policy: CompiledPolicy, binding: CompiledBinding, event: AdmissionEvent, ctx: ManifestContext): Array<ManifestObject | null> {
  const kind = policy.paramKind;
  const ref = binding.paramRef;
  if (!kind || !ref) return [null];
  const { group } = splitApiVersion(kind.apiVersion);
  const namespaced = resourceInfo(group, kind.kind, ctx.crds).namespaced;
  const namespace = ref.namespace ?? event.attrs.namespace;
  if (namespaced && namespace === '') return [];
  const candidates = (ctx.byType.get(`${kind.apiVersion}|${kind.kind}`) ?? []).filter(
    (o) => !namespaced || (o.namespace ?? 'default') === namespace,
  );
  if (ref.name !== undefined) return candidates.filter((o) => o.name === ref.name).slice(0, 1);
  return candidates.filter((o) => matchesLabelSelector(ref.selector, labelsOf(o) ?? {}));
}
