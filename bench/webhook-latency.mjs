// Webhook to completed check runs (kubegate/validate and kubegate/policy) for
// a pull request changing 50 manifests, with GitHub answered locally (nock).
// Target: at most 500 ms (median).
// Run after `npx tsc -p tsconfig.build.json`:
//   node bench/webhook-latency.mjs [rounds]
import { runPipeline } from '../dist/pipeline/run-pipeline.js';
import { BASE_SHA, buildTarball, deployment, startBenchApp } from './webhook-fake-github.mjs';

const ROUNDS = Number(process.argv[2] ?? 20);
const TARGET_MS = 500;
const base = {};
for (let i = 0; i < 200; i++) base[`apps/app-${String(i).padStart(3, '0')}/deployment.yaml`] = deployment(`app-${i}`);

const tarballs = new Map([[BASE_SHA, await buildTarball(base, 'Codertocat-Hello-World-f95f852')]]);
const heads = [];
for (let round = 0; round <= ROUNDS; round++) {
  const head = { ...base };
  for (let i = 0; i < 50; i++) head[`apps/app-${String(i).padStart(3, '0')}/deployment.yaml`] = deployment(`app-${i}`, 3 + round);
  const sha = `${String(round).padStart(8, '0')}${'d'.repeat(32)}`;
  tarballs.set(sha, await buildTarball(head, `Codertocat-Hello-World-${sha.slice(0, 7)}`));
  heads.push(sha);
}

let pipelineMs = 0;
const app = await startBenchApp({
  tarballs,
  deps: {
    runPipeline: async (input) => {
      const t = performance.now();
      try {
        return await runPipeline(input);
      } finally {
        pipelineMs = performance.now() - t;
      }
    },
  },
});

const samples = [];
for (const [round, sha] of heads.entries()) {
  const started = performance.now();
  await app.deliver(sha);
  const runs = app.runs.filter((r) => r.head_sha === sha);
  const open = runs.find((r) => r.status !== 'completed');
  if (runs.length === 0 || open) throw new Error(`round ${round}: the check run ${open?.name ?? ''} is ${open?.status ?? 'missing'}`);
  const completedAt = Math.max(...runs.map((r) => r.completedAt));
  if (round > 0) samples.push({ total: completedAt - started, pipeline: pipelineMs }); // round 0 warms up
}
app.stop();
const lastRuns = app.runs.filter((r) => r.head_sha === heads[heads.length - 1]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const total = samples.map((s) => s.total);
const pipeline = samples.map((s) => s.pipeline);
console.log(`webhook -> completed check runs, 50 changed manifests (200 in the repository), ${samples.length} rounds after one warm-up:`);
for (const run of lastRuns) console.log(`  last ${run.name}: ${run.conclusion}, "${run.title}"`);
console.log(`  median ${median(total).toFixed(0)} ms, p90 ${p90(total).toFixed(0)} ms (target ${TARGET_MS} ms)`);
console.log(`  of which runPipeline: median ${median(pipeline).toFixed(0)} ms; GitHub side (requests, tarballs, comment): ${(median(total) - median(pipeline)).toFixed(0)} ms`);
process.exitCode = median(total) <= TARGET_MS ? 0 : 1;
