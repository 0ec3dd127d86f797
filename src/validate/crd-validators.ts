// Compiled schemas of the custom resource kinds that CustomResourceDefinitions
// define, compiled on first use with their own Ajv instance (so that they go
// away with the validator, while built-in schemas are shared), and their
// x-kubernetes-validations rules, compiled on first use too.
import type { Ajv } from 'ajv';
import type { ManifestObject } from '../core/types.js';
import { createAjv } from './create-ajv.js';
import { CrdRegistry, type CrdVersionSchema, isCrd } from './crd-registry.js';
import { compileCrdRules, type CrdRules } from './crd-rules/index.js';
import { crdToJsonSchema } from './crd-to-json-schema.js';
import { dropNullFields } from './drop-null-fields.js';
import { displayPath } from './field-path.js';
import { normalizeSchema } from './normalize-schema.js';
import { SchemaError, type CompiledSchema } from './schema-resolver.js';
import type { FieldError } from './types.js';

/** What findings of CEL rules are named after. */
export const CRD_RULES_CHECK = 'x-kubernetes-validations';

/**
 * Schema errors after which the API server does not run the rules (hasBlockingErr:
 * Required, NotSupported, TooLong, TooMany, TypeInvalid), by Ajv keyword.
 */
const BLOCKING_KEYWORDS = new Set(['required', 'enum', 'maxLength', 'maxItems', 'maxProperties', 'type']);

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function objectError(msg: string): FieldError {
  return { path: '', segments: [], msg, rule: CRD_RULES_CHECK };
}

export class CrdValidators {
  private readonly registry = new CrdRegistry();
  private readonly compiled = new Map<string, CompiledSchema>();
  private readonly rules = new Map<string, CrdRules | Error | undefined>();
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
        throw new SchemaError(`the schema of ${found.schema.display} cannot be used: ${describe(err)}`);
      }
      this.compiled.set(found.key, compiled);
    }
    return compiled;
  }

  /**
   * What the CRD's x-kubernetes-validations rules find in a custom resource
   * (none for other objects). `schemaErrors`: what its schema found; some of
   * those keep the API server from running the rules.
   */
  ruleErrors(object: ManifestObject, schemaErrors: readonly FieldError[]): FieldError[] {
    const found = this.registry.find(object.apiVersion, object.kind);
    if (!found) return [];
    const rules = this.rulesOf(found.key, found.schema);
    if (rules === undefined) return [];
    if (rules instanceof Error) return [objectError(`the x-kubernetes-validations of ${found.schema.display} cannot be used: ${rules.message}`)];
    if (schemaErrors.length > 0 && this.hasBlockingError(found.key, object.body)) {
      return [objectError('some validation rules were not checked because the object was invalid; correct the existing errors to complete validation')];
    }
    return rules.evaluate(object.body).map(({ segments, message }) => ({ path: displayPath(segments), segments, msg: message, rule: CRD_RULES_CHECK }));
  }

  private rulesOf(key: string, schema: CrdVersionSchema): CrdRules | Error | undefined {
    if (!this.rules.has(key)) {
      const crd = schema.crd;
      const source = {
        openAPIV3Schema: schema.openAPIV3Schema,
        kind: schema.kind,
        display: schema.display,
        file: crd.source.file,
        lineOf: (path: readonly (string | number)[]) => crd.lineOf([...schema.schemaPath, ...path]),
      };
      try {
        this.rules.set(key, compileCrdRules(source));
      } catch (err: unknown) {
        this.rules.set(key, new Error(describe(err), { cause: err }));
      }
    }
    return this.rules.get(key);
  }

  private hasBlockingError(key: string, body: Record<string, unknown>): boolean {
    const validate = this.compiled.get(key)?.validate;
    if (!validate || validate(dropNullFields(body))) return false;
    return (validate.errors ?? []).some((error) => BLOCKING_KEYWORDS.has(error.keyword));
  }
}
