// The label and annotation keys of the ApplySet specification (KEP 3659),
// the ones `kubectl apply --applyset` reads and writes.

/** On the parent: the set's id ("applyset-<base64url(sha256(name.namespace.Kind.group))>-v1"). */
export const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
/** On each member: the id of the set it belongs to. */
export const APPLYSET_PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
/** On the parent: "<tool>/<version>"; tools refuse sets of other tools. */
export const APPLYSET_TOOLING_ANNOTATION = 'applyset.kubernetes.io/tooling';
/** On the parent: sorted "Kind.group" list of the kinds members may have ("Deployment.apps,Secret"). */
export const APPLYSET_GROUP_KINDS_ANNOTATION = 'applyset.kubernetes.io/contains-group-kinds';
/** On the parent: sorted namespaces holding members, other than the parent's own. */
export const APPLYSET_NAMESPACES_ANNOTATION = 'applyset.kubernetes.io/additional-namespaces';

// kubegate's own annotations on its parents: what a restarted app reads to
// watch the environment again (src/app/drift/rebuild-drift.ts).
export const KUBEGATE_REPOSITORY_ANNOTATION = 'kubegate.dev/repository';
export const KUBEGATE_ENVIRONMENT_ANNOTATION = 'kubegate.dev/environment';
/** The commit last synced successfully (moves only at the end of a successful apply-mode sync). */
export const KUBEGATE_REVISION_ANNOTATION = 'kubegate.dev/revision';
export const KUBEGATE_INSTALLATION_ANNOTATION = 'kubegate.dev/installation-id';
