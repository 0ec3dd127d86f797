// Kind -> plural resource name and scope, as admission rules need them:
// a table for built-in kinds, CRDs found in the manifests, else a guess.

type Scope = 'Namespaced' | 'Cluster';

const N: Scope = 'Namespaced';
const C: Scope = 'Cluster';

const BUILTIN: Record<string, [string, Scope]> = {
  Pod: ['pods', N], Service: ['services', N], ConfigMap: ['configmaps', N], Secret: ['secrets', N],
  ServiceAccount: ['serviceaccounts', N], PersistentVolumeClaim: ['persistentvolumeclaims', N],
  PersistentVolume: ['persistentvolumes', C], Namespace: ['namespaces', C], Node: ['nodes', C],
  Endpoints: ['endpoints', N], Event: ['events', N], LimitRange: ['limitranges', N],
  ResourceQuota: ['resourcequotas', N], ReplicationController: ['replicationcontrollers', N],
  PodTemplate: ['podtemplates', N], ComponentStatus: ['componentstatuses', C],
  Deployment: ['deployments', N], StatefulSet: ['statefulsets', N], DaemonSet: ['daemonsets', N],
  ReplicaSet: ['replicasets', N], ControllerRevision: ['controllerrevisions', N],
  Job: ['jobs', N], CronJob: ['cronjobs', N], HorizontalPodAutoscaler: ['horizontalpodautoscalers', N],
  PodDisruptionBudget: ['poddisruptionbudgets', N], PodSecurityPolicy: ['podsecuritypolicies', C],
  Ingress: ['ingresses', N], NetworkPolicy: ['networkpolicies', N], IngressClass: ['ingressclasses', C],
  IPAddress: ['ipaddresses', C], ServiceCIDR: ['servicecidrs', C],
  Role: ['roles', N], RoleBinding: ['rolebindings', N], ClusterRole: ['clusterroles', C], ClusterRoleBinding: ['clusterrolebindings', C],
  StorageClass: ['storageclasses', C], CSIDriver: ['csidrivers', C], CSINode: ['csinodes', C],
  VolumeAttachment: ['volumeattachments', C], CSIStorageCapacity: ['csistoragecapacities', N],
  VolumeAttributesClass: ['volumeattributesclasses', C], PriorityClass: ['priorityclasses', C],
  RuntimeClass: ['runtimeclasses', C], Lease: ['leases', N], EndpointSlice: ['endpointslices', N],
  ValidatingWebhookConfiguration: ['validatingwebhookconfigurations', C],
  MutatingWebhookConfiguration: ['mutatingwebhookconfigurations', C],
  ValidatingAdmissionPolicy: ['validatingadmissionpolicies', C],
  ValidatingAdmissionPolicyBinding: ['validatingadmissionpolicybindings', C],
  MutatingAdmissionPolicy: ['mutatingadmissionpolicies', C], MutatingAdmissionPolicyBinding: ['mutatingadmissionpolicybindings', C],
  CustomResourceDefinition: ['customresourcedefinitions', C], APIService: ['apiservices', C],
  CertificateSigningRequest: ['certificatesigningrequests', C], ClusterTrustBundle: ['clustertrustbundles', C],
  FlowSchema: ['flowschemas', C], PriorityLevelConfiguration: ['prioritylevelconfigurations', C],
  ResourceClaim: ['resourceclaims', N], ResourceClaimTemplate: ['resourceclaimtemplates', N],
  DeviceClass: ['deviceclasses', C], ResourceSlice: ['resourceslices', C],
};

/** Kubernetes' own guess (meta.UnsafeGuessKindToResource), with "vowel + y" kept as "ys". */
export function guessResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s') || lower.endsWith('x') || lower.endsWith('ch') || lower.endsWith('sh')) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

export interface ResourceInfo {
  resource: string;
  namespaced: boolean;
}

/** group/kind -> info, from CustomResourceDefinitions in the manifests. */
export type CrdIndex = ReadonlyMap<string, ResourceInfo>;

const CORE_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling']);

export function resourceInfo(group: string, kind: string, crds: CrdIndex): ResourceInfo {
  const crd = crds.get(`${group}/${kind}`);
  if (crd) return crd;
  const builtin = BUILTIN[kind];
  if (builtin && (CORE_GROUPS.has(group) || group.endsWith('.k8s.io') || group === '')) return { resource: builtin[0], namespaced: builtin[1] === N };
  return { resource: guessResource(kind), namespaced: true };
}
