// The validator: for each object, kubeconform's steps (strict parsing, skip,
// reject, find the schema, validate) and then the checks the API server makes
// that a schema misses. CustomResourceDefinitions among the objects (and in
// options.crds) validate their custom resources.
import type { ManifestObject } from '../core/types.js';
import { runKubernetesChecks } from './checks/run-kubernetes-checks.js';
import { CrdValidators } from './crd-validators.js';
import { describeSchemaErrors } from './describe-schema-errors.js';
import { duplicateKeyErrors, invalidMessage } from './describe-result.js';
import { dropNullFields } from './drop-null-fields.js';
import { kindMatcher, type KindMatcher } from './kind-filter.js';
import type { CompiledSchema, SchemaResolver } from './schema-resolver.js';
import type { FieldError, ResourceResult, ResourceStatus, Validator, ValidatorOptions } from './types.js';

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function resultFor(object: ManifestObject, status: ResourceStatus, msg?: string, validationErrors: FieldError[] = []): ResourceResult {
  return { file: object.source.file, object, status, ...(msg === undefined ? {} : { msg }), validationErrors };
}

/** Problems the schema finds; null fields count as absent, as at the API server (looked at only when it matters). */
function schemaErrors(schema: CompiledSchema, body: Record<string, unknown>): FieldError[] {
  if (schema.validate(body)) return [];
  const data = dropNullFields(body);
  if (data !== body && schema.validate(data)) return [];
  return describeSchemaErrors(schema.validate.errors, data);
}

export class KubegateValidator implements Validator {
  private readonly crds: CrdValidators;
  private readonly skip: KindMatcher;
  private readonly reject: KindMatcher;

  constructor(
    private readonly options: ValidatorOptions,
    private readonly resolver: SchemaResolver,
  ) {
    this.skip = kindMatcher(options.skipKinds);
    this.reject = kindMatcher(options.rejectKinds);
    this.crds = new CrdValidators(options.strict ?? false);
    this.crds.add(options.crds ?? []);
  }

  async validate(objects: readonly ManifestObject[]): Promise<ResourceResult[]> {
    this.crds.add(objects);
    const results: ResourceResult[] = [];
    for (const object of objects) results.push(await this.validateOne(object));
    return results;
  }

  private async validateOne(object: ManifestObject): Promise<ResourceResult> {
    if (this.options.strict && object.duplicateKeys && object.duplicateKeys.length > 0) {
      const { msg, errors } = duplicateKeyErrors(object.duplicateKeys);
      return resultFor(object, 'error', msg, errors);
    }
    if (!object.kind) return resultFor(object, 'error', "error while parsing: missing 'kind' key");
    if (!object.apiVersion) return resultFor(object, 'error', "error while parsing: missing 'apiVersion' key");
    if (this.skip(object.apiVersion, object.kind)) return resultFor(object, 'skipped');
    if (this.reject(object.apiVersion, object.kind)) return resultFor(object, 'error', `prohibited resource kind ${object.kind}`);
    let schema: CompiledSchema | undefined;
    try {
      schema = this.crds.find(object) ?? (await this.resolver.resolve(object.apiVersion, object.kind));
    } catch (err: unknown) {
      return resultFor(object, 'error', describe(err));
    }
    if (!schema) return this.options.ignoreMissingSchemas ? resultFor(object, 'skipped') : resultFor(object, 'error', `could not find schema for ${object.kind}`);
    return this.check(object, schema);
  }

  private check(object: ManifestObject, schema: CompiledSchema): ResourceResult {
    let errors: FieldError[];
    try {
      errors = schemaErrors(schema, object.body);
    } catch (err: unknown) {
      return resultFor(object, 'error', `schema ${schema.display} cannot be used: ${describe(err)}`);
    }
    const checks = [...runKubernetesChecks(object), ...this.crds.ruleErrors(object, errors)];
    if (errors.length === 0 && checks.length === 0) return resultFor(object, 'valid');
    return resultFor(object, 'invalid', invalidMessage(schema.display, errors, checks), [...errors, ...checks]);
  }
}
