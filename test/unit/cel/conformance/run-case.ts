// One conformance case through kubegate's CEL module: compile (with type
// checking), evaluate, compare with the expected value or error.
import { type CelDeclarations, type CelTypedValue, createCelCompiler, type CelCompiler, describeCelValue } from '../../../../src/policy/cel/index.js';
import { activationOf, declarationsOf } from './activation.js';
import type { ConformanceCase, JsonObject } from './conformance-case.js';
import { expectedValue, UnsupportedValue } from './expected-value.js';
import { typedEqual } from './typed-equal.js';

export interface CaseResult {
  pass: boolean;
  reason?: string;
}

const compilers = new Map<string, CelCompiler>();

/** "cel": the CEL specification's defaults; "kubernetes": as kubegate compiles policies (homogeneous literals). */
export type ConformanceMode = 'cel' | 'kubernetes';

function compilerFor(declarations: CelDeclarations, mode: ConformanceMode): CelCompiler {
  const key = `${mode}:${JSON.stringify(Object.entries(declarations).sort())}`;
  let compiler = compilers.get(key);
  if (!compiler) {
    compiler = createCelCompiler(declarations, { homogeneousAggregateLiterals: mode === 'kubernetes' });
    compilers.set(key, compiler);
  }
  return compiler;
}

function expectation(original: JsonObject): { error: true } | { error: false; value?: CelTypedValue } {
  if ('evalError' in original) return { error: true };
  if (original.checkOnly === true) return { error: false };
  const typed = original.typedResult;
  const value = typed !== null && typeof typed === 'object' && !Array.isArray(typed) ? typed.result : original.value;
  return { error: false, value: expectedValue(value ?? { boolValue: true }) };
}

function evaluateCase(c: ConformanceCase, mode: ConformanceMode): CaseResult {
  if (typeof c.original.container === 'string' && c.original.container !== '') return { pass: false, reason: 'containers (namespaces) are not supported' };
  const expected = expectation(c.original);
  const compiled = compilerFor(declarationsOf(c.original), mode).compile(c.expr);
  if (!compiled.ok) return expected.error ? { pass: true } : { pass: false, reason: `compile: ${compiled.error.message}` };
  if (c.original.checkOnly === true) return { pass: true };
  const outcome = compiled.program.evaluate(activationOf(c.original));
  if (!outcome.ok) return expected.error ? { pass: true } : { pass: false, reason: `eval: ${outcome.error.message}` };
  if (expected.error) return { pass: false, reason: 'expected an error' };
  const actual = describeCelValue(outcome.value);
  return expected.value && typedEqual(actual, expected.value) ? { pass: true } : { pass: false, reason: 'wrong value' };
}

export function runCase(c: ConformanceCase, mode: ConformanceMode = 'cel'): CaseResult {
  try {
    return evaluateCase(c, mode);
  } catch (err: unknown) {
    if (err instanceof UnsupportedValue) return { pass: false, reason: `unsupported: ${err.message}` };
    return { pass: false, reason: `crash: ${err instanceof Error ? err.message : String(err)}` };
  }
}
