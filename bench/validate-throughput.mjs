// Validate throughput: a generated 10,000-manifest repository (bench/lib/
// manifest-corpus.mjs), read, parsed and validated in-process on one core
// with the built-in schemas. Prints manifests/s (cold: including schema
// compilation; warm: a second pass), the same through `kubegate validate`,
// and the peak RSS. Targets: >= 10,000 manifests/s, <= 300 MB. Each pass
// also prints its CPU time (user + system, all threads): on a shared machine
// it varies much less than the wall time, and with the process pinned to one
// core it is the work that core did.
//   node bench/validate-throughput.mjs [count] [--no-build]
// Builds dist/ first as npm run build does (tsc, then the precompiled built-in
// schemas, scripts/precompile-schemas.mjs) unless --no-build, and
// re-runs itself pinned to one CPU with taskset when it is available.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeManifestCorpus } from './lib/manifest-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const COUNT = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const TARGET_PER_SECOND = 10_000;
const TARGET_RSS_MB = 300;

function pinToOneCpu() {
  if (process.env.KUBEGATE_BENCH_PINNED) return false;
  if (spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status !== 0) return false;
  const r = spawnSync('taskset', ['-c', '0', process.execPath, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    env: { ...process.env, KUBEGATE_BENCH_PINNED: '1' },
  });
  process.exit(r.status ?? 1);
}

function build() {
  if (args.includes('--no-build')) return;
  // Other parts of the tree may not type-check while they are being written; tsc still emits.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'ignore' });
  // As npm run build does: the built-in schemas precompiled into dist/ (without them, schemas compile at run time).
  const precompiled = spawnSync(process.execPath, [join(root, 'scripts/precompile-schemas.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (precompiled.status !== 0) console.error('validate throughput: precompiling the built-in schemas failed; they compile at run time');
}

const rate = (n, ms) => Math.round((n / ms) * 1000);
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
const mb = (kb) => (kb / 1024).toFixed(0);

async function validateAll(files, loadManifests, validator) {
  let manifests = 0;
  let problems = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const file of files) {
    const loaded = loadManifests(file, readFileSync(file));
    problems += loaded.errors.length;
    const results = await validator.validate(loaded.objects);
    manifests += results.length;
    problems += results.filter((r) => r.status === 'invalid' || r.status === 'error').length;
  }
  return { manifests, problems, ms: performance.now() - started, cpu: cpuMs(process.cpuUsage(cpuStarted)) };
}

async function main() {
  pinToOneCpu();
  build();
  const { loadManifests } = await import('../dist/manifests/index.js');
  const { createValidator } = await import('../dist/validate/index.js');
  const { runCli } = await import('../dist/cli/run-cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'kubegate-bench-'));
  try {
    const { files } = writeManifestCorpus(dir, COUNT);
    const cold = await validateAll(files, loadManifests, createValidator({}));
    const warm = await validateAll(files, loadManifests, createValidator({}));
    const strict = await validateAll(files, loadManifests, createValidator({ strict: true }));
    const printed = [];
    const io = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), readStdin: async () => '', cwd: dir, env: {}, stdinIsTTY: true };
    const cliStarted = performance.now();
    const status = await runCli(['validate', '-summary', ...files.map((f) => relative(dir, f))], io);
    const cliMs = performance.now() - cliStarted;
    const rssMb = Number(mb(process.resourceUsage().maxRSS));
    const processStarted = performance.now();
    const child = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'validate', '-summary', dir], { encoding: 'utf8' });
    const processMs = performance.now() - processStarted;
    const pinned = process.env.KUBEGATE_BENCH_PINNED ? 'pinned to CPU 0 with taskset' : 'not pinned (no taskset)';
    console.log(`validate throughput: ${cold.manifests} manifests in ${files.length} files, ${cold.problems} problems found; node ${process.version}, ${pinned}`);
    const pass = (r) => `${r.ms.toFixed(0)} ms = ${rate(r.manifests, r.ms)} manifests/s (CPU ${r.cpu.toFixed(0)} ms = ${rate(r.manifests, r.cpu)}/s)`;
    console.log(`  cold (parse + validate, incl. schema compilation): ${pass(cold)}`);
    console.log(`  warm (schemas compiled):                          ${pass(warm)}`);
    console.log(`  strict (first strict pass, incl. compilation):    ${pass(strict)}`);
    console.log(`  kubegate validate -summary (in-process CLI):      ${cliMs.toFixed(0)} ms = ${rate(cold.manifests, cliMs)} manifests/s, exit ${status}: ${printed.at(-1)?.trim()}`);
    console.log(`  kubegate validate -summary DIR (new process):     ${processMs.toFixed(0)} ms = ${rate(cold.manifests, processMs)} manifests/s (node start-up included), exit ${child.status}`);
    console.log(`  peak RSS (this process, all passes): ${rssMb} MB`);
    const ok = rate(cold.manifests, cold.ms) >= TARGET_PER_SECOND && rssMb <= TARGET_RSS_MB;
    console.log(`  targets (>= ${TARGET_PER_SECOND} manifests/s cold, <= ${TARGET_RSS_MB} MB): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
