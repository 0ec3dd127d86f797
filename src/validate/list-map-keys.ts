// Lists that Kubernetes treats as maps keyed by some of their items' fields
// (`+listType=map` / `+listMapKey` in the Go API types). Two items with the
// same key are rejected by validation or by server-side apply ("duplicate
// entries for key"), which kubegate uses to sync. Schemas generated from a
// kube-apiserver carry this as x-kubernetes-list-map-keys; when a schema
// lacks it, this table (the spec fields of the built-in kinds) adds it.

export const LIST_MAP_KEYS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'io.k8s.api.core.v1.PodSpec': {
    containers: ['name'],
    initContainers: ['name'],
    ephemeralContainers: ['name'],
    imagePullSecrets: ['name'],
    volumes: ['name'],
    resourceClaims: ['name'],
    schedulingGates: ['name'],
    hostAliases: ['ip'],
    topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  },
  'io.k8s.api.core.v1.Container': {
    env: ['name'],
    ports: ['containerPort', 'protocol'],
    volumeMounts: ['mountPath'],
    volumeDevices: ['devicePath'],
  },
  'io.k8s.api.core.v1.EphemeralContainer': {
    env: ['name'],
    ports: ['containerPort', 'protocol'],
    volumeMounts: ['mountPath'],
    volumeDevices: ['devicePath'],
  },
  'io.k8s.api.core.v1.ServiceSpec': { ports: ['port', 'protocol'] },
  'io.k8s.api.core.v1.ServiceAccount': { secrets: ['name'] },
  'io.k8s.api.core.v1.ResourceRequirements': { claims: ['name'] },
  'io.k8s.api.storage.v1.CSINodeSpec': { drivers: ['name'] },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { ownerReferences: ['uid'] },
};

/** Values Kubernetes fills in for key fields left out (server-side apply keys on the defaulted value). */
export const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };
