// How many GitHub requests one pull-request pass makes, for pull requests
// changing 1, 100 and 3,000 manifest files of a 3,000-file repository: the
// count must be the same for all three (two tarballs, not one request per
// file). Run after `npx tsc -p tsconfig.build.json`:
//   node bench/snapshot-requests.mjs
import { BASE_SHA, buildTarball, deployment, startBenchApp } from './webhook-fake-github.mjs';

const FILES = 3_000;
const base = {};
for (let i = 0; i < FILES; i++) base[`apps/app-${String(i).padStart(4, '0')}/deployment.yaml`] = deployment(`app-${i}`);

const rows = [];
for (const changed of [1, 100, 3_000]) {
  const head = { ...base };
  Object.keys(base)
    .slice(0, changed)
    .forEach((path, i) => (head[path] = deployment(`app-${i}`, 3)));
  const headSha = `${String(changed).padStart(8, '0')}${'c'.repeat(32)}`;
  const tarballs = new Map([
    [BASE_SHA, await buildTarball(base, `Codertocat-Hello-World-${BASE_SHA.slice(0, 7)}`)],
    [headSha, await buildTarball(head, `Codertocat-Hello-World-${headSha.slice(0, 7)}`)],
  ]);
  const app = await startBenchApp({ tarballs });
  const started = performance.now();
  await app.deliver(headSha);
  const ms = performance.now() - started;
  const total = [...app.counts.values()].reduce((a, b) => a + b, 0);
  const conclusion = `${app.runs[0]?.conclusion}: ${app.runs[0]?.title}`;
  rows.push({ changed, total, ms, conclusion, detail: Object.fromEntries(app.counts) });
  app.stop();
}

for (const r of rows) {
  console.log(`${String(r.changed).padStart(5)} changed files: ${r.total} GitHub requests (${r.ms.toFixed(0)} ms, conclusion ${r.conclusion})`);
}
console.log('per request:', JSON.stringify(rows[0].detail));
const same = rows.every((r) => r.total === rows[0].total);
console.log(same ? 'OK: the same number of requests for 1, 100 and 3,000 changed files' : 'FAIL: the request count grows with the changed files');
process.exitCode = same ? 0 : 1;
