// The ApplySet id, exactly as kubectl computes it: "applyset-" +
// base64url-without-padding(sha256("<name>.<namespace>.<Kind>.<group>")) + "-v1"
// (the group is "" for core kinds, so a Secret parent ends in "Secret.").
import { createHash } from 'node:crypto';

export interface ParentIdentity {
  name: string;
  /** "" for a cluster-scoped parent. */
  namespace: string;
  kind: string;
  /** "" for the core group. */
  group: string;
}

export function applySetId(parent: ParentIdentity): string {
  const digest = createHash('sha256').update([parent.name, parent.namespace, parent.kind, parent.group].join('.')).digest('base64url');
  return `applyset-${digest}-v1`;
}
