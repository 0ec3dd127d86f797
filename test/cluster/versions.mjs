// Versions of the local control plane. Changing one here makes build.mjs
// rebuild (binaries are cached by version). Keep go.mod files in step.
export const KUBERNETES_VERSION = 'v1.33.13';
export const ETCD_VERSION = 'v3.6.16';
