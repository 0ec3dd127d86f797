// A small stand-in for the schema validator (injected, no module mocking):
// a few real Kubernetes schema rules, in kubeconform's result vocabulary.
import type { ManifestObject } from '../../../src/core/types.js';
import type { FieldError, ResourceResult, Validator, ValidatorOptions } from '../../../src/validate/types.js';

const CONTAINER_FIELDS = new Set(['name', 'image', 'ports', 'env', 'resources', 'securityContext', 'command', 'args']);
const KNOWN_KINDS = new Set(['Deployment', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'CustomResourceDefinition']);

function deploymentErrors(o: ManifestObject, strict: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const spec = (o.body.spec ?? {}) as Record<string, unknown>;
  if (spec.replicas !== undefined && !Number.isInteger(spec.replicas)) {
    errors.push({ path: '/spec/replicas', segments: ['spec', 'replicas'], msg: `expected integer or null, but got ${typeof spec.replicas}` });
  }
  const template = (spec.template ?? {}) as { spec?: { containers?: Array<Record<string, unknown>> } };
  (template.spec?.containers ?? []).forEach((c, i) => {
    const at = ['spec', 'template', 'spec', 'containers', i];
    for (const key of Object.keys(c)) {
      if (strict && !CONTAINER_FIELDS.has(key)) errors.push({ path: `/${at.join('/')}`, segments: at, msg: `additional properties '${key}' not allowed` });
    }
    ((c.env ?? []) as Array<Record<string, unknown>>).forEach((e, j) => {
      if (e.value !== undefined && typeof e.value !== 'string') {
        const p = [...at, 'env', j, 'value'];
        errors.push({ path: `/${p.join('/')}`, segments: p, msg: `expected string or null, but got ${typeof e.value}` });
      }
    });
  });
  return errors;
}

export function createRuleValidator(options: ValidatorOptions, seen: ValidatorOptions[] = []): Validator {
  seen.push(options);
  return {
    validate: async (objects) =>
      objects.map((o): ResourceResult => {
        if (options.skipKinds?.includes(o.kind)) return { file: o.source.file, object: o, status: 'skipped', validationErrors: [] };
        if (!KNOWN_KINDS.has(o.kind) && !options.crds?.some((c) => (c.body.spec as { names?: { kind?: string } }).names?.kind === o.kind)) {
          return { file: o.source.file, object: o, status: 'error', msg: `could not find schema for ${o.kind}`, validationErrors: [] };
        }
        const errors = o.kind === 'Deployment' ? deploymentErrors(o, options.strict ?? false) : [];
        return errors.length > 0
          ? { file: o.source.file, object: o, status: 'invalid', msg: errors[0]?.msg ?? '', validationErrors: errors }
          : { file: o.source.file, object: o, status: 'valid', validationErrors: [] };
      }),
  };
}
