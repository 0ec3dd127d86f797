// Peer suite: kubeconform's own acceptance tests (../shared/corpus/kubeconform,
// acceptance.bats + acceptance-nonetwork.bats), run against `kubegate validate`.
// Each case that needs no network runs in-process through a shim that maps
// `bin/kubeconform ARGS` to `kubegate validate ARGS` and checks the exit status
// and output the bats file asserts. Skipped entirely when the corpus is absent.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBats, type Assertion, type BatsCase } from './parse-bats.js';
import { networkNeed, parseInvocation, runKubeconformShim, type RunOutcome } from './kubeconform-shim.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/kubeconform', import.meta.url));
const BATS_FILES = ['acceptance.bats', 'acceptance-nonetwork.bats'];

/**
 * Cases where kubegate knowingly answers differently. Each must still
 * disagree: when one starts to agree, move it out of this table.
 */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  'Fail when parsing a valid Kubernetes config YAML file without network access':
    "kubegate's default schemas are built in, so validating needs no network and the valid file passes",
};

/** valid_large.yaml is not in the corpus (README: generate large inputs); kubeconform builds it from valid.yaml. */
const LARGE_COPIES = 100_000;

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, join(to, name));
    else copyFileSync(source, join(to, name));
  }
}

function prepareWorkdir(): string {
  const workdir = mkdtempSync(join(tmpdir(), 'kubegate-peer-'));
  copyTree(join(CORPUS, 'fixtures'), join(workdir, 'fixtures'));
  const valid = readFileSync(join(CORPUS, 'fixtures', 'valid.yaml'), 'utf8');
  writeFileSync(join(workdir, 'fixtures', 'valid_large.yaml'), Array.from({ length: LARGE_COPIES }, () => valid).join('---\n'));
  return workdir;
}

function skipReason(c: BatsCase): string | undefined {
  if (c.unsupported.length > 0) return `unsupported bats line: ${c.unsupported[0]}`;
  if (c.steps.some((s) => s.type === 'reset-cache')) return 'tests downloading schemas into a fresh cache (network)';
  for (const step of c.steps) {
    if (step.type !== 'run') continue;
    const invocation = parseInvocation(step.words);
    if (typeof invocation === 'string') return invocation === 'runs xmllint, not kubeconform' ? 'needs xmllint' : invocation;
    const network = networkNeed(invocation);
    if (network) return `needs the network: ${network}`;
  }
  return undefined;
}

function failure(assertion: Assertion, run: RunOutcome): string | undefined {
  const line = (index: number): string => run.lines[index] ?? '';
  switch (assertion.kind) {
    case 'status':
      return run.status === assertion.expected ? undefined : `status ${run.status}, expected ${assertion.expected}`;
    case 'output-equals':
      return run.output === assertion.expected ? undefined : `output ${JSON.stringify(run.output)}, expected ${JSON.stringify(assertion.expected)}`;
    case 'line-equals':
      return line(assertion.index) === assertion.expected ? undefined : `line ${assertion.index} ${JSON.stringify(line(assertion.index))}, expected ${JSON.stringify(assertion.expected)}`;
    case 'output-matches':
      return assertion.pattern.test(run.output) ? undefined : `output ${JSON.stringify(run.output)} does not match ${String(assertion.pattern)}`;
    case 'line-matches':
      return assertion.pattern.test(line(assertion.index)) ? undefined : `line ${assertion.index} ${JSON.stringify(line(assertion.index))} does not match ${String(assertion.pattern)}`;
    case 'line-count':
      return run.output.split('\n').length === assertion.expected ? undefined : `${run.output.split('\n').length} lines, expected ${assertion.expected}`;
    case 'cache-files':
      return `cache folder assertions are not supported`;
  }
}

/** Runs a case's steps; returns the assertions that failed (empty: kubegate agrees). */
async function runCase(c: BatsCase, workdir: string): Promise<string[]> {
  const failures: string[] = [];
  let last: RunOutcome | undefined;
  for (const step of c.steps) {
    if (step.type === 'run') {
      const invocation = parseInvocation(step.words);
      if (typeof invocation === 'string') throw new Error(invocation);
      last = await runKubeconformShim(invocation, workdir);
    } else if (step.type === 'assert') {
      if (!last) throw new Error(`assertion before any run: ${step.raw}`);
      const problem = failure(step.assertion, last);
      if (problem) failures.push(`${step.raw}: ${problem}`);
    }
  }
  return failures;
}

const available = BATS_FILES.every((file) => existsSync(join(CORPUS, file)));
if (!available) console.log(`kubeconform peer suite skipped: no corpus at ${CORPUS}`);
const describePeer = available ? describe : describe.skip;

describePeer('kubeconform acceptance tests, run against kubegate validate', () => {
  const cases = available ? BATS_FILES.flatMap((file) => parseBats(file, readFileSync(join(CORPUS, file), 'utf8'))) : [];
  const outcomes = new Map<string, boolean>();
  const skipped: string[] = [];
  let workdir = '';

  beforeAll(() => {
    workdir = prepareWorkdir();
  });

  afterAll(() => {
    if (workdir) rmSync(workdir, { recursive: true, force: true });
    const agreed = [...outcomes.values()].filter(Boolean).length;
    console.log(
      `kubeconform peer suite: agree ${agreed}/${outcomes.size} (${outcomes.size - agreed} known disagreements); ` +
        `${skipped.length} of ${cases.length} cases not run (network or tools): ${skipped.join('; ')}`,
    );
  });

  test('reads both bats files', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  for (const c of cases) {
    const reason = skipReason(c);
    if (reason) {
      skipped.push(c.name);
      test.skip(`${c.name} [${reason}]`, () => undefined);
      continue;
    }
    const known = KNOWN_DISAGREEMENTS[c.name];
    test(
      known ? `${c.name} [known disagreement]` : c.name,
      async () => {
        const failures = await runCase(c, workdir);
        outcomes.set(c.name, failures.length === 0);
        if (known) expect(failures).not.toEqual([]);
        else expect(failures).toEqual([]);
      },
      60_000,
    );
  }

  test('every known disagreement names a case that exists and runs', () => {
    const runnable = new Set(cases.filter((c) => !skipReason(c)).map((c) => c.name));
    expect(Object.keys(KNOWN_DISAGREEMENTS).filter((name) => !runnable.has(name))).toEqual([]);
  });
});
