// Public surface of the sync (after merge: apply, Argo CD, Flux, none).
export { syncWithApply } from './apply/sync-with-apply.js';
export type { ApplySyncOptions } from './apply/sync-with-apply.js';
export { applySetId } from './applyset-id.js';
export { applySetParent } from './applyset-parent.js';
export * from './applyset-keys.js';
export type * from './types.js';
