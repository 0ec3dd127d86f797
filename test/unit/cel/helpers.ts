import { type CelOutcome, createCelCompiler, describeCelValue, type EvalLimits } from '../../../src/policy/cel/index.js';

const compiler = createCelCompiler({ object: 'dyn' });

/** Evaluates an expression with `object` bound; throws with the compile error. */
export function evalCel(expression: string, object: unknown = {}, limits?: EvalLimits): CelOutcome {
  const compiled = compiler.compile(expression);
  if (!compiled.ok) throw new Error(`does not compile: ${compiled.error.message}`);
  return compiled.program.evaluate({ object }, limits);
}

/** The value as plain JSON-ish data (ints as bigint), or the error message. */
export function valueOf(expression: string, object: unknown = {}): unknown {
  const outcome = evalCel(expression, object);
  if (!outcome.ok) return { error: outcome.error.message };
  const described = describeCelValue(outcome.value);
  return described.type === 'map' && outcome.value instanceof Map ? Object.fromEntries(outcome.value) : outcome.value;
}

export { compiler };
