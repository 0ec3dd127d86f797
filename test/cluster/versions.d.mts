// Types for versions.mjs, so TypeScript tests can import the pinned versions.
export declare const KUBERNETES_VERSION: string;
export declare const ETCD_VERSION: string;
