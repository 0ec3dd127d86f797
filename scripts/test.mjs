#!/usr/bin/env node
// The whole test suite, from a fresh clone: install, build the local control
// plane if missing, type-check, build dist/, run jest (the cluster project's
// global setup starts kube-apiserver + etcd and its teardown stops them), then
// print one closing line "tests: N passed, N failed, N skipped".
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps, run } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extra = process.argv.slice(2);

ensureDeps(root);
if (run(root, process.execPath, ['test/cluster/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
  process.exit(1);
}
if (run(root, process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) {
  process.stderr.write('kubegate: type-check failed\n');
  process.exit(1);
}
// dist/, for test/e2e/app-process.test.ts: it starts the built app as `npm start` does.
if (run(root, process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']) !== 0) {
  process.stderr.write('kubegate: build (tsc -p tsconfig.build.json) failed\n');
  process.exit(1);
}
if (run(root, process.execPath, ['scripts/precompile-schemas.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
  process.stderr.write('kubegate: build (scripts/precompile-schemas.mjs) failed\n');
  process.exit(1);
}
// A control plane the developer already runs is reused by jest and left running.
const wasRunning = run(root, process.execPath, ['test/cluster/cli.mjs', 'status'], { stdio: 'ignore' }) === 0;
const resultFile = join(root, '.kubegate', 'jest-results.json');
mkdirSync(dirname(resultFile), { recursive: true });
rmSync(resultFile, { force: true });
let status;
try {
  status = run(root, process.execPath, [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    // A drift watch aborted through nock's interceptor (still active after the
    // GitHub-harness files) can keep its socket open until the apiserver ends
    // the watch (up to 5 min): the results are in, so do not wait for it.
    '--forceExit',
    '--json',
    `--outputFile=${resultFile}`,
    ...extra,
  ]);
} finally {
  // Safety net: the global teardown stops the control plane it started; this
  // makes sure nothing is left running even when jest itself was killed.
  if (!wasRunning) run(root, process.execPath, ['test/cluster/cli.mjs', 'down', '--quiet']);
}
try {
  const r = JSON.parse(readFileSync(resultFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  process.stdout.write(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped\n`);
  if (r.numTotalTests === 0) status = 1;
} catch {
  process.stdout.write('tests: 0 passed, 1 failed\n');
  status = status || 1;
}
process.exit(status);
