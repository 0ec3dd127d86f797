// Compiles a policy's CEL expression with the admission-time variables, and
// turns a compile failure into a sentence naming the field and the position.
import { type CelCompileFailure, type CelCompiler, createCelCompiler } from '../cel/index.js';
import type { PolicyExpression } from '../types.js';

/** The variables ValidatingAdmissionPolicy expressions see (authorizer is not supported). */
const ADMISSION_VARIABLES = {
  object: 'dyn',
  oldObject: 'dyn',
  request: 'dyn',
  params: 'dyn',
  namespaceObject: 'dyn',
  variables: 'dyn',
};

let shared: CelCompiler | undefined;

/** One compiler (and cache) for every policy in the process. */
export function policyCompiler(): CelCompiler {
  shared ??= createCelCompiler(ADMISSION_VARIABLES);
  return shared;
}

function describeFailure(field: string, source: string, error: CelCompileFailure): string {
  if (/Unknown variable: authorizer\b/.test(error.message)) {
    return `${field}: "authorizer" is not supported by kubegate (it checks manifests without a cluster to ask); move authorization checks to the cluster or drop this expression`;
  }
  const excerpt = source.split('\n')[error.line - 1] ?? '';
  return `${field}: ${error.kind} error at line ${error.line}, column ${error.column} of the expression: ${error.message}\n    ${excerpt}\n    ${' '.repeat(Math.max(0, error.column - 1))}^`;
}

export function compileExpression(source: unknown, field: string, errors: string[]): PolicyExpression | undefined {
  if (typeof source !== 'string' || source.trim() === '') {
    errors.push(`${field} must be a non-empty CEL expression`);
    return undefined;
  }
  const outcome = policyCompiler().compile(source);
  if (!outcome.ok) {
    errors.push(describeFailure(field, source, outcome.error));
    return undefined;
  }
  return { field, program: outcome.program };
}
