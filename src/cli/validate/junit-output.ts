// kubeconform's --output junit: a <testsuite> per file (an empty file has
// an empty suite), a <testcase> per resource, each suite with its own
// counters, in the order files were read, laid out as Go's xml.MarshalIndent
// prints it.
import { goFloat } from '../../validate/go-format.js';
import type { CliResult } from './cli-result.js';
import { Tally, type OutputOptions, type ValidateOutput } from './validate-output.js';

interface Suite {
  name: string;
  id: number;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
}

/** Go's xml.EscapeText, as used for attributes. */
export function xmlAttr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

function testCase(result: CliResult): string {
  const sig = result.signature;
  const name = sig.namespace ? `${sig.namespace}/${sig.name}` : sig.name;
  // time="0": kubeconform sets it for Buildkite, which requires the attribute.
  const open = `    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(`${sig.kind}@${sig.version}`)}" time="0">`;
  const msg = xmlAttr(result.msg ?? '');
  if (result.status === 'invalid') return `${open}\n      <failure message="${msg}" type=""></failure>\n    </testcase>`;
  if (result.status === 'error') return `${open}\n      <error message="${msg}" type=""></error>\n    </testcase>`;
  if (result.status === 'skipped') return `${open}\n      <skipped message=""></skipped>\n    </testcase>`;
  return `${open}</testcase>`;
}

export function junitOutput(options: OutputOptions, now: () => number = () => performance.now()): ValidateOutput {
  const started = now();
  const tally = new Tally();
  const suites = new Map<string, Suite>();
  return {
    write(result) {
      let suite = suites.get(result.path);
      if (!suite) {
        suite = { name: result.path, id: suites.size + 1, cases: [], failures: 0, errors: 0, skipped: 0 };
        suites.set(result.path, suite);
      }
      if (result.status === 'empty') return;
      tally.count(result);
      suite.cases.push(testCase(result));
      if (result.status === 'invalid') suite.failures++;
      if (result.status === 'error') suite.errors++;
      if (result.status === 'skipped') suite.skipped++;
    },
    flush() {
      const seconds = goFloat(Math.round((now() - started) * 1000) / 1e6);
      const lines = [
        `<testsuites name="kubeconform" time="${seconds}" tests="${tally.resources}" failures="${tally.invalid}" disabled="${tally.skipped}" errors="${tally.errors}">`,
      ];
      for (const s of suites.values()) {
        const open = `  <testsuite name="${xmlAttr(s.name)}" id="${s.id}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" disabled="0" skipped="${s.skipped}">`;
        if (s.cases.length === 0) lines.push(`${open}</testsuite>`);
        else lines.push(open, ...s.cases, '  </testsuite>');
      }
      lines.push('</testsuites>');
      options.print(`${suites.size === 0 ? lines.join('') : lines.join('\n')}\n`);
    },
  };
}
