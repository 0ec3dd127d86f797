// Compiled schemas of the custom resource kinds that CustomResourceDefinitions
// define, compiled on first use with their own Ajv instance (so that they go
// away with the validator, while built-in schemas are shared).
import type { Ajv } from 'ajv';
import type { ManifestObject } from '../core/types.js';
import { createAjv } from './create-ajv.js';
import { CrdRegistry, isCrd } from './crd-registry.js';
import { crdToJsonSchema } from './crd-to-json-schema.js';
import { normalizeSchema } from './normalize-schema.js';
import { SchemaError, type CompiledSchema } from './schema-resolver.js';

export class CrdValidators {
  private readonly registry = new CrdRegistry();
  private readonly compiled = new Map<string, CompiledSchema>();
  private ajv: Ajv | undefined;

  constructor(private readonly strict: boolean) {}

  /** Registers the CustomResourceDefinitions among `objects`. */
  add(objects: Iterable<ManifestObject>): void {
    this.registry.add([...objects].filter(isCrd));
  }

  /** The schema of the object's kind when a CRD defines it; throws SchemaError when that schema cannot be compiled. */
  find(object: ManifestObject): CompiledSchema | undefined {
    const found = this.registry.find(object.apiVersion, object.kind);
    if (!found) return undefined;
    let compiled = this.compiled.get(found.key);
    if (!compiled) {
      try {
        this.ajv ??= createAjv();
        const schema = crdToJsonSchema(found.schema.openAPIV3Schema, this.strict);
        normalizeSchema(schema);
        compiled = { validate: this.ajv.compile(schema), display: found.schema.display };
      } catch (err: unknown) {
        throw new SchemaError(`the schema of ${found.schema.display} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.compiled.set(found.key, compiled);
    }
    return compiled;
  }
}
