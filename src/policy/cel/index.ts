// kubegate's CEL: the only module that knows the CEL implementation.
export { type CelAstNode, childNodes } from './cel-ast.js';
export type { CelCompileFailure, CelCompiler, CelEvalFailure, CelOutcome, CelProgram, CompileOutcome } from './cel-compiler.js';
export { createCelCompiler } from './cel-compiler.js';
export type { CelDeclarations, CelEnvironmentOptions, CelObjectType } from './cel-environment.js';
export { DEFAULT_EVAL_LIMITS, type EvalLimits } from './eval-budget.js';
export { KUBERNETES_LIBRARIES } from './libraries/index.js';
export { type SelectPath, selectPaths } from './select-paths.js';
export type { SourcePosition } from './source-position.js';
export { toCelValue } from './to-cel-value.js';
export { type CelTypedValue, celDuration, celOptional, celUint, describeCelValue } from './cel-typed-value.js';
