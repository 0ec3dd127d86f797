// Compiles the published schema once; defaults from its `default` keywords are
// filled in while validating.
import { Ajv, type ValidateFunction } from 'ajv';
import { readConfigSchema } from './read-config-schema.js';

let compiled: ValidateFunction | undefined;

export function compileConfigSchema(schema: Record<string, unknown> = readConfigSchema()): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true });
  return ajv.compile(schema);
}

export function configValidator(): ValidateFunction {
  compiled ??= compileConfigSchema();
  return compiled;
}
