// One line of a kubeconform report: a resource (or a file or document that
// could not be read) with its signature as kubeconform computes it.
import type { ResourceStatus } from '../../validate/types.js';

export interface Signature {
  kind: string;
  /** The apiVersion, which kubeconform calls "version". */
  version: string;
  namespace: string;
  /** metadata.name, or generateName + "{{ generateName }}" as kubeconform shows it. */
  name: string;
}

export interface CliResult {
  /** The path as given on the command line (or "stdin"). */
  path: string;
  status: ResourceStatus;
  signature: Signature;
  msg?: string;
  validationErrors: Array<{ path: string; msg: string }>;
}

export const EMPTY_SIGNATURE: Signature = { kind: '', version: '', namespace: '', name: '' };

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** kubeconform's Signature(): read from the document even when it is incomplete. */
export function signatureOf(value: unknown): Signature {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return EMPTY_SIGNATURE;
  const body = value as Record<string, unknown>;
  const metadata = body['metadata'] !== null && typeof body['metadata'] === 'object' ? (body['metadata'] as Record<string, unknown>) : {};
  const generateName = metadata['generateName'];
  return {
    kind: str(body['kind']),
    version: str(body['apiVersion']),
    namespace: str(metadata['namespace']),
    name: typeof generateName === 'string' ? `${generateName}{{ generateName }}` : str(metadata['name']),
  };
}

/** version/kind/namespace/name, as kubeconform's TAP output prints a resource. */
export function qualifiedName(signature: Signature): string {
  return `${signature.version}/${signature.kind}/${signature.namespace}/${signature.name}`;
}
