#!/usr/bin/env node
// `npm run demo`: builds kubegate, makes a throw-away git repository from
// fixtures/demo (a base commit, then a pull-request commit that breaks a plain
// manifest, adds one with a typo that also runs privileged, and changes the
// Kustomize base used by the staging and production overlays), applies the
// base commit to the local control plane (started when needed), and runs
// `kubegate plan --kubeconfig` on it, printing the pull-request comment and
// check runs, cluster diff included, exactly as the app would post them.
// `npm run demo -- --no-cluster` leaves the cluster diff out.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEnvironments, startControlPlane, stopControlPlane } from './demo-cluster.mjs';
import { ensureDeps, run } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'fixtures', 'demo');
const say = (text) => process.stderr.write(`demo: ${text}\n`);

function git(cwd, ...args) {
  const who = { GIT_AUTHOR_NAME: 'kubegate demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'kubegate demo', GIT_COMMITTER_EMAIL: 'demo@example.com' };
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...who } }).trim();
}

function commitTree(repo, from, message) {
  cpSync(from, repo, { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

function requireTool(cmd, args, why) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    say(`${cmd} is not available: ${why}`);
    return false;
  }
  return true;
}

// 1. Dependencies and build.
ensureDeps(root);
say('building (tsc -p tsconfig.build.json)');
if (run(root, process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']) !== 0) {
  say('the build failed (see above)');
  process.exit(1);
}
if (!requireTool('git', ['--version'], 'install git to run the demo')) process.exit(1);
requireTool('kubectl', ['version', '--client'], 'Kustomize overlays will be reported as not rendered; install kubectl to see them validated');

/** The base commit on the local control plane: the kubeconfig, or undefined when the diff part is skipped. */
async function prepareCluster(repo, cluster) {
  if (process.argv.includes('--no-cluster')) return undefined;
  const started = startControlPlane(root, say);
  if (started.skipped) {
    say(`the cluster diff is skipped: ${started.skipped}; the validation and policy checks still run`);
    return undefined;
  }
  cluster.startedHere = started.startedHere;
  try {
    const count = await applyEnvironments(root, repo, started.kubeconfig, say);
    say(`applied the base commit to the local control plane: ${count} objects, field manager "kubegate" (as a sync would)`);
    return started.kubeconfig;
  } catch (err) {
    say(`the cluster diff is skipped: applying the base commit failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

// 2. A repository with the base commit, applied to the local control plane, and the pull request.
const repo = mkdtempSync(join(tmpdir(), 'kubegate-demo-'));
const cluster = { startedHere: false };
let status = 2;
try {
  git(repo, 'init', '-q', '-b', 'main');
  const base = commitTree(repo, join(fixtures, 'base'), 'base: the default branch');
  const kubeconfig = await prepareCluster(repo, cluster);
  const head = commitTree(repo, join(fixtures, 'pr'), 'pull request: bump api, add worker, scale web, add a metrics port');
  say(`repository ${repo}: base ${base.slice(0, 12)}, pull request ${head.slice(0, 12)}`);
  const clusterArgs = kubeconfig ? ['--kubeconfig', kubeconfig] : [];
  say(`running: kubegate plan --base ${base.slice(0, 12)} --head ${head.slice(0, 12)} --repo ${repo}${kubeconfig ? ` --kubeconfig ${kubeconfig}` : ''}\n`);

  // 3. The pull-request pipeline, as the app runs it: every cluster name of the config maps to the local control plane.
  status = run(root, process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'plan', '--base', base, '--head', head, '--repo', repo, ...clusterArgs]);
} finally {
  rmSync(repo, { recursive: true, force: true });
  if (cluster.startedHere) {
    say('stopping the local control plane the demo started');
    stopControlPlane(root);
  }
}

// 4. plan exits 1 when a check fails, which is what this pull request is built to show.
if (status === 1) {
  say('done: kubegate plan exited 1 because the demo pull request has failing checks (as intended); the demo ran fine.');
  process.exit(0);
}
if (status === 0) {
  say('done: all checks passed (the demo pull request was expected to fail some checks).');
  process.exit(0);
}
say(`kubegate plan failed to run (exit code ${status})`);
process.exit(1);
