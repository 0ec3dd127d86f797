// Bounds every evaluation: each AST node evaluated costs one unit (CEL has no
// loops, so comprehensions over large lists are what add up), and the clock is
// read every few thousand units. Evaluation is synchronous, so the state of the
// one active budget lives in this module; nested evaluations (lazy variables)
// draw from the budget of the outermost one.
import type { Environment } from '@marcbachmann/cel-js';

export interface EvalLimits {
  /** Maximum number of evaluation steps (AST node evaluations). */
  cost: number;
  /** Maximum wall-clock time in milliseconds. */
  timeMs: number;
}

/** Generous for admission policies (Kubernetes' per-expression limit is 1,000,000 cost units). */
export const DEFAULT_EVAL_LIMITS: EvalLimits = { cost: 1_000_000, timeMs: 1_000 };

export class CelBudgetExceededError extends Error {
  constructor(readonly limit: 'cost' | 'time', limits: EvalLimits) {
    super(
      limit === 'cost'
        ? `evaluation stopped: cost limit of ${limits.cost} steps exceeded (nested comprehensions over large lists?)`
        : `evaluation stopped: time limit of ${limits.timeMs} ms exceeded`,
    );
    this.name = 'CelBudgetExceededError';
  }
}

const TIME_CHECK_INTERVAL = 2048;
let active: EvalLimits | undefined;
let remaining = Number.POSITIVE_INFINITY;
let deadline = Number.POSITIVE_INFINITY;
let untilTimeCheck = TIME_CHECK_INTERVAL;
/** Once a limit is hit, every further step fails too (comprehensions catch errors and go on). */
let stopped: 'cost' | 'time' | undefined;

function charge(): void {
  if (stopped && active) throw new CelBudgetExceededError(stopped, active);
  if (--remaining < 0 && active) stopped = 'cost';
  else if (--untilTimeCheck === 0) {
    untilTimeCheck = TIME_CHECK_INTERVAL;
    if (active && performance.now() > deadline) stopped = 'time';
  }
  if (stopped && active) throw new CelBudgetExceededError(stopped, active);
}

/** Runs fn with a budget, unless a budget is already active (then fn shares it). */
export function withBudget<T>(limits: EvalLimits, fn: () => T): T {
  if (active) return fn();
  active = limits;
  remaining = limits.cost;
  deadline = performance.now() + limits.timeMs;
  untilTimeCheck = TIME_CHECK_INTERVAL;
  stopped = undefined;
  try {
    return fn();
  } finally {
    active = undefined;
    stopped = undefined;
    remaining = Number.POSITIVE_INFINITY;
    deadline = Number.POSITIVE_INFINITY;
  }
}

interface EvaluatorLike {
  run: (ast: AstLike, ctx: unknown) => unknown;
}
interface AstLike {
  evaluate: (ev: EvaluatorLike, ast: AstLike, ctx: unknown) => unknown;
}

function isEvaluatorLike(value: unknown): value is EvaluatorLike {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

/**
 * Makes the environment's evaluator charge one unit per evaluated node.
 * cel-js calls function handlers with its evaluator as `this`; a probe
 * function hands it over once, and its `run` (the step every node evaluation
 * goes through) is wrapped on that instance only.
 */
export function installBudget(env: Environment): void {
  let evaluator: unknown;
  env.registerFunction('__kubegateEvaluatorProbe(): bool', function (this: unknown) {
    evaluator = this;
    return true;
  });
  env.evaluate('__kubegateEvaluatorProbe()');
  if (!isEvaluatorLike(evaluator)) {
    throw new Error('cannot bound CEL evaluation: the installed @marcbachmann/cel-js no longer exposes its evaluator; pin version 8');
  }
  evaluator.run = function run(this: EvaluatorLike, ast: AstLike, ctx: unknown): unknown {
    charge();
    return ast.evaluate(this, ast, ctx);
  };
}
