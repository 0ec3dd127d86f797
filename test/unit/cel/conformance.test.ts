// Runs the cel-spec conformance data through kubegate's CEL module and guards
// the measured pass rates: a drop fails; a rise means the floor can be raised.
import { conformanceCases, EXTENSION_SUITES, needsProtobuf, PROTO_SUITES, type ConformanceCase } from './conformance/conformance-case.js';
import { type ConformanceMode, runCase } from './conformance/run-case.js';

interface Tally {
  passed: number;
  total: number;
}

function tally(cases: ConformanceCase[], mode: ConformanceMode = 'cel'): Tally {
  return { passed: cases.filter((c) => runCase(c, mode).pass).length, total: cases.length };
}

const rate = (t: Tally): number => t.passed / t.total;
const percent = (t: Tally): string => `${t.passed}/${t.total} (${(100 * rate(t)).toFixed(1)}%)`;

/** Measured with @marcbachmann/cel-js 8.0.0 and @bufbuild/cel-spec 0.6.1 (cel-spec v0.25.1). */
const FLOOR = { applicable: 0.86, base: 0.67, strings: 0.91, kubernetes: 0.83 };

const all = conformanceCases();
const base = all.filter((c) => !EXTENSION_SUITES.has(c.suite) && !PROTO_SUITES.has(c.suite));
const applicable = base.filter((c) => !needsProtobuf(c));

describe('CEL conformance (cel-spec data via @bufbuild/cel-spec)', () => {
  it('reads the conformance data', () => {
    expect(base.length).toBeGreaterThan(1400);
    expect(applicable.length).toBeGreaterThan(1000);
  });

  it('passes at least the measured share of the base language', () => {
    const results = {
      applicable: tally(applicable),
      base: tally(base),
      strings: tally(all.filter((c) => c.suite === 'string_ext')),
      kubernetes: tally(applicable, 'kubernetes'),
    };
    const optionals = tally(all.filter((c) => c.suite === 'optionals'));
    process.stdout.write(
      `CEL conformance: base language ${percent(results.base)}; ` +
        `without cases that need protobuf messages ${percent(results.applicable)}; ` +
        `string_ext ${percent(results.strings)}; optionals ${percent(optionals)}; ` +
        `as policies are compiled (homogeneous literals, as Kubernetes) ${percent(results.kubernetes)}\n`,
    );
    expect(rate(results.applicable)).toBeGreaterThanOrEqual(FLOOR.applicable);
    expect(rate(results.base)).toBeGreaterThanOrEqual(FLOOR.base);
    expect(rate(results.strings)).toBeGreaterThanOrEqual(FLOOR.strings);
    expect(rate(results.kubernetes)).toBeGreaterThanOrEqual(FLOOR.kubernetes);
  });

  it('counts a wrong result as a failure', () => {
    const sample = applicable.find((c) => c.original.value !== undefined && runCase(c).pass);
    expect(sample).toBeDefined();
    if (!sample) return;
    const broken: ConformanceCase = { ...sample, original: { ...sample.original, value: { stringValue: 'not the answer' } } };
    expect(runCase(broken).pass).toBe(false);
  });
});
