export { createValidator, ValidatorConfigError, type ValidatorEnvironment } from './create-validator.js';
export { loadErrorToFinding, resultToFindings, VALIDATE_CHECK } from './result-to-findings.js';
export { findBuiltinSchemas, type BuiltinSchemas } from './builtin-schemas.js';
export type { FetchLike } from './fetch-schema-text.js';
export type { FieldError, ResourceResult, ResourceStatus, Validator, ValidatorOptions } from './types.js';
