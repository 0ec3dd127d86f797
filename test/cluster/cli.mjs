#!/usr/bin/env node
// node test/cluster/cli.mjs up | down [--quiet] | status
// down --quiet: silent unless it had to stop running processes.
// up: prints progress on stderr and the kubeconfig's absolute path as the last
// line of stdout; exit 0 also when a healthy control plane already runs here.
// Exit codes: 0 ok, 1 a fault explained in one message, 2 wrong usage.
import { down, status, up } from './control-plane.mjs';
import { runMain } from './errors.mjs';

const USAGE = 'usage: node test/cluster/cli.mjs up | down [--quiet] | status';
const say = (line) => process.stderr.write(`kubegate cluster: ${line}\n`);

async function runUp() {
  const started = Date.now();
  const onSignal = async (signal) => {
    say(`${signal} received; stopping what was started`);
    await down();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const state = await up({ log: say });
  if (state.alreadyRunning) {
    say(`already running at ${state.server} (etcd pid ${state.pids.etcd}, kube-apiserver pid ${state.pids.apiserver}); ` +
      '"npm run cluster:down" stops it');
  } else {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    say(`kube-apiserver ${state.kubernetesVersion} ready at ${state.server} in ${secs} s ` +
      `(etcd pid ${state.pids.etcd}, kube-apiserver pid ${state.pids.apiserver}); logs in ${state.paths.dir}`);
  }
  say(`use it with: export KUBECONFIG=${state.paths.kubeconfig}`);
  process.stdout.write(`${state.paths.kubeconfig}\n`);
  return 0;
}

async function runDown(quiet) {
  const { stopped, removed, dir } = await down();
  if (stopped.length === 0 && (quiet || !removed)) {
    if (!quiet) say('not running');
    return 0;
  }
  const how = stopped.map((s) => `pid ${s.pid} ${s.how}`).join(', ');
  say(`${stopped.length ? `stopped ${how}; ` : ''}removed ${dir}`);
  return 0;
}

async function runStatus() {
  const state = await status();
  if (!state) {
    say('not running');
    return 1;
  }
  say(`running at ${state.server} since ${state.readyAt} (etcd pid ${state.pids.etcd}, kube-apiserver pid ${state.pids.apiserver})`);
  process.stdout.write(`${state.paths.kubeconfig}\n`);
  return 0;
}

async function main(args) {
  const [command, ...rest] = args;
  const flags = new Set(rest);
  const unknown = rest.filter((f) => !(command === 'down' && f === '--quiet'));
  if (unknown.length > 0) {
    say(`unknown argument ${unknown[0]}; ${USAGE}`);
    return 2;
  }
  if (command === 'up') return runUp();
  if (command === 'down') return runDown(flags.has('--quiet'));
  if (command === 'status') return runStatus();
  say(USAGE);
  return 2;
}

await runMain(main, say);
