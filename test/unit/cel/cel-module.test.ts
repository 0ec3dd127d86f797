// Compile once, evaluate within a budget, report positions.
import { createCelCompiler, selectPaths, toCelValue } from '../../../src/policy/cel/index.js';
import { compiler, evalCel } from './helpers.js';

describe('compiling', () => {
  it('caches: the same source gives the same program', () => {
    const a = compiler.compile('object.a == 1');
    const b = compiler.compile('object.a == 1');
    expect(a.ok && b.ok && a.program === b.program).toBe(true);
  });

  it('reports a syntax error with its line and column in the expression', () => {
    const outcome = compiler.compile('object.a == 1 &&\n  object.b ==');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ kind: 'syntax', line: 2 });
    expect(outcome.error.column).toBeGreaterThan(10);
  });

  it('reports unknown functions and variables as type errors', () => {
    const fn = compiler.compile('frobnicate(object)');
    const variable = compiler.compile('authorizer.allowed()');
    expect(fn.ok ? null : fn.error).toMatchObject({ kind: 'type', message: expect.stringContaining('frobnicate') });
    expect(variable.ok ? null : variable.error).toMatchObject({ kind: 'type', message: expect.stringContaining('authorizer') });
  });

  it('requires list literals to hold one type, as Kubernetes does (unless told otherwise)', () => {
    expect(compiler.compile('[1, "a"]').ok).toBe(false);
    expect(createCelCompiler({}, { homogeneousAggregateLiterals: false }).compile('[1, "a"]').ok).toBe(true);
  });
});

describe('evaluating within a budget', () => {
  const nested = (depth: number): string => {
    const list = `[${Array.from({ length: 20 }, (_, i) => i).join(', ')}]`;
    let expr = 'true';
    for (let i = 0; i < depth; i++) expr = `${list}.all(x${i}, ${expr})`;
    return expr;
  };

  it('stops a runaway expression at the cost limit', () => {
    const started = performance.now();
    const outcome = evalCel(nested(6), {}, { cost: 100_000, timeMs: 60_000 });
    expect(outcome.ok ? null : outcome.error).toMatchObject({ budgetExceeded: true, message: expect.stringContaining('cost limit') });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops at the time limit', () => {
    const started = performance.now();
    const outcome = evalCel(nested(6), {}, { cost: Number.MAX_SAFE_INTEGER, timeMs: 20 });
    expect(outcome.ok ? null : outcome.error).toMatchObject({ budgetExceeded: true, message: expect.stringContaining('time limit') });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('lets ordinary expressions finish', () => {
    expect(evalCel(nested(3), {})).toEqual({ ok: true, value: true });
  });

  it('does not stall on a catastrophically backtracking regular expression', () => {
    const started = performance.now();
    const outcome = evalCel('object.s.matches("^(a+)+$")', { s: `${'a'.repeat(40)}!` });
    expect(outcome).toEqual({ ok: true, value: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports a runtime error with its position', () => {
    const outcome = evalCel('object.a.b', { a: {} });
    expect(outcome.ok ? null : outcome.error).toMatchObject({ budgetExceeded: false, position: { line: 1, column: 10 } });
  });
});

describe('values and analysis', () => {
  it('converts manifest data: whole numbers to ints, nulls dropped', () => {
    expect(toCelValue({ a: 1, b: 1.5, c: null, d: [2] })).toEqual({ a: 1n, b: 1.5, d: [2n] });
  });

  it('lists the field paths an expression reads, in order', () => {
    const compiled = compiler.compile('object.spec.template.spec.containers.all(c, has(c.image)) && object.metadata["name"] != ""');
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(selectPaths(compiled.program.ast)).toEqual([
      { root: 'object', path: ['spec', 'template', 'spec', 'containers'] },
      { root: 'c', path: ['image'] },
      { root: 'object', path: ['metadata', 'name'] },
    ]);
  });
});
