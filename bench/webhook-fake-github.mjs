// Shared by the GitHub benchmarks: the built app (dist/) in an in-process
// Probot, and GitHub answered locally through nock (check runs, comments,
// config, tarballs with their codeload redirect). No schema checks here: the
// e2e tests check every request against GitHub's OpenAPI description; this
// only counts requests and measures time.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { pack } from 'tar-stream';
import { createAppDeps } from '../dist/app/app-deps.js';
import { createApp } from '../dist/app/create-app.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const BASE_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
export const PLAIN_CONFIG = 'environments:\n  - name: apps\n    paths: ["apps/**/*.yaml"]\n    namespace: apps\nvalidation:\n  kubernetesVersion: "1.33.13"\n  strict: true\n';

export function deployment(name, replicas = 2) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: ${name}\n          image: registry.example.com/${name}:1.0.0\n          ports:\n            - containerPort: 8080\n`;
}

export async function buildTarball(tree, prefix) {
  const archive = pack();
  const chunks = [];
  archive.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve, reject) => archive.on('end', resolve).on('error', reject));
  archive.entry({ name: `${prefix}/`, type: 'directory' });
  const dirs = new Set();
  for (const path of Object.keys(tree).sort()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(dir)) {
        dirs.add(dir);
        archive.entry({ name: `${prefix}/${dir}/`, type: 'directory' });
      }
    }
    archive.entry({ name: `${prefix}/${path}`, type: 'file' }, tree[path]);
  }
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

function pullRequestPayload(headSha) {
  return {
    action: 'synchronize',
    number: 2,
    pull_request: { number: 2, base: { sha: BASE_SHA, ref: 'master' }, head: { sha: headSha, ref: 'changes' } },
    repository: { id: 186853002, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'master' },
    installation: { id: 1 },
  };
}

/** Starts the app against a local GitHub serving `tarballs` (sha -> gzip Buffer). */
export async function startBenchApp({ tarballs, config = PLAIN_CONFIG, deps = {} }) {
  nock.disableNetConnect();
  const counts = new Map();
  const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const runs = [];
  const comments = [];
  const api = nock('https://api.github.com').persist();
  const json = (status, body) => [status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' }];
  const checkRun = (run) => ({ ...run, app: { id: 1 }, output: { ...run.output, annotations_count: run.annotations } });

  api.post(/^\/app\/installations\/\d+\/access_tokens$/).reply(() => (count('POST token'), json(201, { token: 'ghs_bench', expires_at: new Date(Date.now() + 3.6e6).toISOString() })));
  api.get(/\/commits\/[0-9a-f]+\/check-runs/).reply((uri) => {
    count('GET check-runs');
    const sha = /commits\/([0-9a-f]+)\//.exec(uri)[1];
    const found = runs.filter((r) => r.head_sha === sha);
    return json(200, { total_count: found.length, check_runs: found.map(checkRun) });
  });
  api.post(`/repos/${OWNER}/${REPO}/check-runs`).reply((_uri, body) => {
    count('POST check-run');
    const run = { id: runs.length + 1, name: body.name, head_sha: body.head_sha, status: body.status, conclusion: null, external_id: body.external_id, output: {}, annotations: 0 };
    runs.push(run);
    return json(201, checkRun(run));
  });
  api.patch(/\/check-runs\/\d+$/).reply((uri, body) => {
    count('PATCH check-run');
    const run = runs.find((r) => r.id === Number(uri.split('/').pop()));
    Object.assign(run, { status: body.conclusion ? 'completed' : (body.status ?? run.status), conclusion: body.conclusion ?? run.conclusion });
    if (body.output?.title) run.title = body.output.title;
    run.annotations += body.output?.annotations?.length ?? 0;
    if (run.status === 'completed') run.completedAt = performance.now();
    return json(200, checkRun(run));
  });
  api.get(/\/contents\//).reply(() => {
    count('GET config');
    return json(200, { type: 'file', encoding: 'base64', size: config.length, content: Buffer.from(config).toString('base64') });
  });
  api.get(/\/tarball\/[0-9a-f]+$/).reply((uri) => {
    count('GET tarball');
    const sha = uri.split('/').pop();
    return [302, '', { location: `https://codeload.github.com/${OWNER}/${REPO}/legacy.tar.gz/${sha}` }];
  });
  nock('https://codeload.github.com').persist().get(/legacy\.tar\.gz/).reply((uri) => {
    count('GET codeload');
    return [200, tarballs.get(uri.split('/').pop()), { 'content-type': 'application/x-gzip' }];
  });
  api.get(/\/issues\/\d+\/comments/).reply(() => (count('GET comments'), json(200, comments)));
  api.post(/\/issues\/\d+\/comments$/).reply((_uri, body) => {
    count('POST comment');
    const comment = { id: comments.length + 1, body: body.body, user: { type: 'Bot' }, performed_via_github_app: { id: 1 } };
    comments.push(comment);
    return json(201, comment);
  });
  api.patch(/\/issues\/comments\/\d+$/).reply((_uri, body) => (count('PATCH comment'), json(200, { id: 1, body: body.body })));

  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: 'bench',
    logLevel: 'fatal',
    // GitHub answered locally: no retries, and no throttling (its write limiter spaces writes 1 s apart).
    Octokit: ProbotOctokit.defaults((options) => ({ ...options, retry: { enabled: false }, throttle: { ...options.throttle, enabled: false } })),
  });
  await probot.load(createApp(createAppDeps(deps)));
  return {
    counts,
    runs,
    /** Delivers pull_request.synchronize for a head; resolves when the pass is over. */
    async deliver(headSha) {
      const payload = JSON.stringify(pullRequestPayload(headSha));
      const signature = `sha256=${createHmac('sha256', 'bench').update(payload).digest('hex')}`;
      await probot.webhooks.verifyAndReceive({ id: randomUUID(), name: 'pull_request', payload, signature });
    },
    stop() {
      nock.cleanAll();
    },
  };
}
