// Compile once (cached by source), evaluate many times within a budget.
import { type Environment, ParseError, TypeError as CelTypeError } from '@marcbachmann/cel-js';
import { type CelAstNode, isCelAstNode } from './cel-ast.js';
import { type CelDeclarations, type CelEnvironmentOptions, createCelEnvironment } from './cel-environment.js';
import { CelBudgetExceededError, DEFAULT_EVAL_LIMITS, type EvalLimits, withBudget } from './eval-budget.js';
import { positionIn, type SourcePosition } from './source-position.js';

export interface CelCompileFailure extends SourcePosition {
  kind: 'syntax' | 'type';
  /** One line, without the source excerpt. */
  message: string;
}

export interface CelEvalFailure {
  message: string;
  /** True when the cost or time limit stopped the evaluation. */
  budgetExceeded: boolean;
  position?: SourcePosition;
}

export type CelOutcome = { ok: true; value: unknown } | { ok: false; error: CelEvalFailure };

export interface CelProgram {
  readonly source: string;
  /** The type the checker inferred ("bool", "string", "dyn", ...). */
  readonly resultType: string;
  readonly ast: CelAstNode;
  /** Activation values: JSON-like data converted with toCelValue. */
  evaluate(activation: Readonly<Record<string, unknown>>, limits?: EvalLimits): CelOutcome;
}

export type CompileOutcome = { ok: true; program: CelProgram } | { ok: false; error: CelCompileFailure };

export interface CelCompiler {
  compile(source: string): CompileOutcome;
}

interface CelErrorLike {
  summary?: unknown;
  message: string;
  range?: { start: number };
}

function failureOf(source: string, err: unknown): CelCompileFailure {
  const e = err as CelErrorLike;
  const message = typeof e.summary === 'string' ? e.summary : err instanceof Error ? err.message : String(err);
  const kind = err instanceof ParseError ? 'syntax' : 'type';
  return { kind, message, ...positionIn(source, e.range?.start ?? 0) };
}

function evalFailure(source: string, err: unknown): CelEvalFailure {
  if (err instanceof CelBudgetExceededError) return { message: err.message, budgetExceeded: true };
  const e = err as CelErrorLike;
  const message = typeof e.summary === 'string' ? e.summary : err instanceof Error ? err.message : String(err);
  const start = e.range?.start;
  return { message, budgetExceeded: false, ...(start === undefined ? {} : { position: positionIn(source, start) }) };
}

function compileWith(env: Environment, source: string): CompileOutcome {
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(source);
  } catch (err: unknown) {
    return { ok: false, error: failureOf(source, err) };
  }
  const checked = parsed.check();
  if (!checked.valid) return { ok: false, error: failureOf(source, checked.error ?? new CelTypeError('type check failed')) };
  const ast: unknown = parsed.ast;
  if (!isCelAstNode(ast)) throw new Error('cel-js returned an expression tree kubegate cannot read');
  const program: CelProgram = {
    source,
    resultType: checked.type ?? 'dyn',
    ast,
    evaluate(activation, limits = DEFAULT_EVAL_LIMITS) {
      try {
        const value: unknown = withBudget(limits, () => parsed(activation));
        return { ok: true, value };
      } catch (err: unknown) {
        return { ok: false, error: evalFailure(source, err) };
      }
    },
  };
  return { ok: true, program };
}

export function createCelCompiler(variables: CelDeclarations, options: CelEnvironmentOptions = {}): CelCompiler {
  const env = createCelEnvironment(variables, options);
  const cache = new Map<string, CompileOutcome>();
  return {
    compile(source) {
      const hit = cache.get(source);
      if (hit) return hit;
      const outcome = compileWith(env, source);
      cache.set(source, outcome);
      return outcome;
    },
  };
}
