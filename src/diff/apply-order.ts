// The order a sync applies objects in: Namespaces and CRDs first, then Helm's
// install order (policies, accounts, config, storage, RBAC, services,
// workloads, ingress, webhooks), then every other kind (custom resources).
import type { ResolvedRef } from './types.js';

const KIND_ORDER = [
  'Namespace',
  'CustomResourceDefinition',
  'PriorityClass',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const RANK = new Map(KIND_ORDER.map((kind, i) => [kind, i]));

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rank(kind: string): number {
  return RANK.get(kind) ?? KIND_ORDER.length;
}

/** Comparator: install order by kind, then kind name (for other kinds), namespace and name. */
export function compareApplyOrder(a: ResolvedRef, b: ResolvedRef): number {
  return (
    rank(a.kind) - rank(b.kind) ||
    cmp(a.kind, b.kind) ||
    cmp(a.namespace ?? '', b.namespace ?? '') ||
    cmp(a.name, b.name) ||
    cmp(a.group, b.group)
  );
}
