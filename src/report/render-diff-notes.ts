// What the comment says about environments whose objects were not (all) sent
// to a cluster: no cluster is configured at all, or some objects have schema
// errors the server would refuse too.
import type { EnvironmentConfig } from '../config/types.js';
import type { ManifestObject } from '../core/types.js';
import { codeSpan, plural } from './markdown-text.js';

/** One section for every affected environment that names a cluster while no cluster is configured. */
export function renderNoClusterNote(environments: readonly EnvironmentConfig[]): string {
  const names = environments.map((e) => `${codeSpan(e.name)}${e.cluster ? ` (cluster ${codeSpan(e.cluster)})` : ''}`);
  return [
    '### Cluster diff',
    `No cluster is configured (the kubegate app settings, or \`kubegate plan --kubeconfig\`), so no cluster diff was computed for ${plural(environments.length, 'environment')}: ${names.join(', ')}.`,
  ].join('\n\n');
}

function label(o: ManifestObject, namespace: string | undefined): string {
  const ns = o.namespace ?? namespace;
  return codeSpan(`${o.kind} ${ns ? `${ns}/` : ''}${o.name}`);
}

/** Said in an environment's diff when objects with schema errors were left out of the dry-run. */
export function renderNotSentNote(objects: readonly ManifestObject[], namespace: string | undefined, validateCheck: string): string {
  return `> ⚠️ Not sent to the cluster: ${plural(objects.length, 'object')} with schema errors (see ${codeSpan(validateCheck)}), which the server would refuse too: ${objects.map((o) => label(o, namespace)).join(', ')}.`;
}
