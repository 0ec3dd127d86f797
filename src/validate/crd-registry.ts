// The custom resource kinds that CustomResourceDefinitions (from the
// validated objects and from ValidatorOptions.crds) define, by apiVersion and
// kind, with each version's schema.
import type { FieldPath, ManifestObject } from '../core/types.js';
import { isPlainObject } from '../manifests/classify-document.js';

export interface CrdVersionSchema {
  /** e.g. "CustomResourceDefinition trainingjobs.sagemaker.aws.amazon.com (v1)" */
  display: string;
  /** The version's openAPIV3Schema (undefined: the CRD declares none, anything goes). */
  openAPIV3Schema: unknown;
  /** The custom resource kind. */
  kind: string;
  /** The CRD, and where the schema sits in it (to point at a rule's line). */
  crd: ManifestObject;
  schemaPath: FieldPath;
}

function record(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

export function isCrd(object: ManifestObject): boolean {
  return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}

export function crdKey(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

function versionSchemas(crd: ManifestObject): Array<[string, CrdVersionSchema]> {
  const spec = record(crd.body['spec']);
  const group = spec['group'];
  const kind = record(spec['names'])['kind'];
  if (typeof group !== 'string' || typeof kind !== 'string') return [];
  const shared = record(spec['validation'])['openAPIV3Schema']; // apiextensions.k8s.io/v1beta1
  const sharedPath = ['spec', 'validation', 'openAPIV3Schema'];
  const versions = Array.isArray(spec['versions']) ? spec['versions'].map(record) : [];
  if (versions.length === 0 && typeof spec['version'] === 'string') versions.push({ name: spec['version'] });
  return versions.flatMap((version, index): Array<[string, CrdVersionSchema]> => {
    if (typeof version['name'] !== 'string') return [];
    const name = version['name'];
    const own = record(version['schema'])['openAPIV3Schema'];
    const schemaPath = own === undefined ? sharedPath : ['spec', 'versions', index, 'schema', 'openAPIV3Schema'];
    const display = `CustomResourceDefinition ${crd.name} (${name})`;
    return [[crdKey(`${group}/${name}`, kind), { display, openAPIV3Schema: own ?? shared, kind, crd, schemaPath }]];
  });
}

export class CrdRegistry {
  private readonly schemas = new Map<string, CrdVersionSchema>();
  private readonly seen = new WeakSet<object>();

  add(crds: Iterable<ManifestObject>): void {
    for (const crd of crds) {
      if (!isCrd(crd) || this.seen.has(crd.body)) continue;
      this.seen.add(crd.body);
      for (const [key, schema] of versionSchemas(crd)) this.schemas.set(key, schema);
    }
  }

  find(apiVersion: string, kind: string): { key: string; schema: CrdVersionSchema } | undefined {
    const key = crdKey(apiVersion, kind);
    const schema = this.schemas.get(key);
    return schema ? { key, schema } : undefined;
  }
}
