// The environment's ApplySet parent: a Secret "applyset-kubegate-<env>" in
// the environment's namespace, labelled with the set's id and annotated with
// the tooling, the member group-kinds and the namespaces other than its own,
// as kubectl writes them, so `kubectl apply --applyset` and label selectors
// recognise the set.
import type { KubeObject, ObjectRef } from '../cluster/index.js';
import {
  APPLYSET_GROUP_KINDS_ANNOTATION,
  APPLYSET_ID_LABEL,
  APPLYSET_NAMESPACES_ANNOTATION,
  APPLYSET_TOOLING_ANNOTATION,
} from './applyset-keys.js';
import { applySetId } from './applyset-id.js';
import { joinSorted, splitList } from './group-kind.js';
import { resourceName } from './resource-name.js';

export interface ApplySetParent {
  ref: ObjectRef & { namespace: string };
  id: string;
}

/** What a parent records: which kinds and namespaces may hold members. */
export interface ApplySetScope {
  groupKinds: ReadonlySet<string>;
  /** Every namespace holding members, the parent's own included. */
  namespaces: ReadonlySet<string>;
}

export function applySetParent(environment: string, namespace: string): ApplySetParent {
  const name = resourceName('applyset-kubegate-', environment);
  return {
    ref: { apiVersion: 'v1', kind: 'Secret', name, namespace },
    id: applySetId({ name, namespace, kind: 'Secret', group: '' }),
  };
}

/** `extra`: kubegate's own annotations (parent-record.ts). */
export function buildParentObject(parent: ApplySetParent, tooling: string, scope: ApplySetScope, extra: Record<string, string> = {}): KubeObject {
  const others = [...scope.namespaces].filter((ns) => ns !== parent.ref.namespace);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: parent.ref.name,
      namespace: parent.ref.namespace,
      labels: { [APPLYSET_ID_LABEL]: parent.id },
      annotations: {
        [APPLYSET_TOOLING_ANNOTATION]: tooling,
        [APPLYSET_GROUP_KINDS_ANNOTATION]: joinSorted(scope.groupKinds),
        [APPLYSET_NAMESPACES_ANNOTATION]: joinSorted(others),
        ...extra,
      },
    },
  };
}

/** The scope a live parent records (empty when there is none yet). */
export function readParentScope(parent: ApplySetParent, live: KubeObject | null): ApplySetScope {
  const annotations = live?.metadata.annotations ?? {};
  const namespaces = new Set(splitList(annotations[APPLYSET_NAMESPACES_ANNOTATION]));
  if (live) namespaces.add(parent.ref.namespace);
  return { groupKinds: new Set(splitList(annotations[APPLYSET_GROUP_KINDS_ANNOTATION])), namespaces };
}

/** Why kubegate must not touch this parent (another tool's set, or not a set), if so. */
export function foreignParent(parent: ApplySetParent, live: KubeObject | null): string | undefined {
  if (!live) return undefined;
  const tooling = live.metadata.annotations?.[APPLYSET_TOOLING_ANNOTATION];
  const id = live.metadata.labels?.[APPLYSET_ID_LABEL];
  const where = `Secret ${parent.ref.namespace}/${parent.ref.name}`;
  if (tooling === undefined || id === undefined) return `${where} exists and is not an ApplySet parent (no ${APPLYSET_TOOLING_ANNOTATION} annotation or ${APPLYSET_ID_LABEL} label); kubegate leaves it alone`;
  if (!tooling.startsWith('kubegate/')) return `${where} is the ApplySet of tooling "${tooling}", not kubegate's; kubegate does not change sets of other tools`;
  if (id !== parent.id) return `${where} has ${APPLYSET_ID_LABEL}=${id}, expected ${parent.id}`;
  return undefined;
}

export function unionScope(a: ApplySetScope, b: ApplySetScope): ApplySetScope {
  return { groupKinds: new Set([...a.groupKinds, ...b.groupKinds]), namespaces: new Set([...a.namespaces, ...b.namespaces]) };
}
