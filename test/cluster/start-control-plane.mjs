// One attempt at starting etcd, then kube-apiserver, in a clean folder.
// On any failure both are stopped, the etcd data removed, the logs kept, and a
// ClusterError (or PortRaceError, for a retry with other ports) is thrown.
import { mkdirSync, rmSync } from 'node:fs';
import { generateCerts } from './certs.mjs';
import { apiserverArgs, etcdArgs } from './component-args.mjs';
import { ClusterError } from './errors.mjs';
import { writeKubeconfig } from './kubeconfig.mjs';
import { hasLine, tail } from './log-tail.mjs';
import { choosePorts } from './ports.mjs';
import { startDetached, stopProcess } from './processes.mjs';
import { apiserverReady, etcdHealth, waitUntilReady } from './readiness.mjs';
import { writeState } from './state.mjs';
import { ETCD_VERSION, KUBERNETES_VERSION } from './versions.mjs';

export class PortRaceError extends ClusterError {}

const ETCD_TIMEOUT_MS = 60_000;

function exitText(exit) {
  if (exit.error) return `could not be started (${exit.error.message})`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

function describeFailure({ name, proc, other, result, logFile, port, fixedPort, timeoutMs }) {
  if (hasLine(logFile, /address already in use/)) {
    if (!fixedPort) {
      return new PortRaceError(
        `${name} could not listen on a port that was free a moment before ("address already in use"). ` +
          `Something on this machine keeps taking loopback ports; see ${logFile}.`,
      );
    }
    return new ClusterError(
      `${name} could not listen on 127.0.0.1:${port}: the port is taken by another process. ` +
        'Stop that process or choose another port.',
    );
  }
  const logs = `Last lines of ${logFile}:\n${tail(logFile)}`;
  if (other?.proc.exited()) {
    return new ClusterError(
      `${other.name} ${exitText(other.proc.exit)} while ${name} was starting. ` +
        `Last lines of ${other.logFile}:\n${tail(other.logFile)}`,
    );
  }
  if (result.reason === 'exited') {
    return new ClusterError(`${name} ${exitText(proc.exit)} during start. ${logs}`);
  }
  return new ClusterError(
    `${name} was not ready after ${Math.round(timeoutMs / 1000)} s (last answer: ${result.detail}). ` +
      'On a slow or busy machine raise KUBEGATE_CLUSTER_TIMEOUT (seconds). ' + logs,
  );
}

async function abort(procs, paths) {
  for (const proc of procs) if (proc?.pid) await stopProcess(proc.pid, { timeoutMs: 5000 });
  rmSync(paths.etcdData, { recursive: true, force: true });
}

export async function startControlPlane({ paths, binaries, env, timeoutMs, log, apiserverExtraArgs = [] }) {
  const ports = await choosePorts(env);
  mkdirSync(paths.dir, { recursive: true });
  const certs = generateCerts({ dir: paths.pki });
  const server = `https://127.0.0.1:${ports.apiserver}`;
  const state = {
    phase: 'starting',
    kubernetesVersion: KUBERNETES_VERSION,
    etcdVersion: ETCD_VERSION,
    startedAt: new Date().toISOString(),
    server,
    ports: { apiserver: ports.apiserver, etcdClient: ports.etcdClient, etcdPeer: ports.etcdPeer },
    pids: {},
    paths: { ...paths },
    binaries,
    apiserverExtraArgs,
  };
  writeState(paths.state, state);

  log(`starting etcd ${ETCD_VERSION} on 127.0.0.1:${ports.etcdClient}`);
  const etcd = startDetached({
    command: binaries.etcd, args: etcdArgs({ paths, ports }), logFile: paths.etcdLog, pidFile: paths.etcdPid, cwd: paths.dir,
  });
  state.pids.etcd = etcd.pid;
  writeState(paths.state, state);
  const etcdResult = await waitUntilReady({ check: etcdHealth(ports.etcdClient), exited: etcd.exited, timeoutMs: ETCD_TIMEOUT_MS });
  if (!etcdResult.ready) {
    const error = describeFailure({
      name: 'etcd', proc: etcd, result: etcdResult, logFile: paths.etcdLog,
      port: ports.etcdClient, fixedPort: ports.fixed.includes('etcdClient'), timeoutMs: ETCD_TIMEOUT_MS,
    });
    await abort([etcd], paths);
    throw error;
  }

  log(`starting kube-apiserver ${KUBERNETES_VERSION} on ${server} (waiting up to ${Math.round(timeoutMs / 1000)} s for /readyz)`);
  const apiserver = startDetached({
    command: binaries.apiserver, args: apiserverArgs({ paths, ports, certs, extraArgs: apiserverExtraArgs }), logFile: paths.apiserverLog, pidFile: paths.apiserverPid, cwd: paths.dir,
  });
  state.pids.apiserver = apiserver.pid;
  writeState(paths.state, state);
  const apiResult = await waitUntilReady({
    check: apiserverReady({ port: ports.apiserver, caFile: certs.ca.cert, certFile: certs.admin.cert, keyFile: certs.admin.key }),
    exited: () => apiserver.exited() || etcd.exited(),
    timeoutMs,
  });
  if (!apiResult.ready) {
    const error = describeFailure({
      name: 'kube-apiserver', proc: apiserver, result: apiResult, logFile: paths.apiserverLog,
      port: ports.apiserver, fixedPort: ports.fixed.includes('apiserver'), timeoutMs,
      other: { name: 'etcd', proc: etcd, logFile: paths.etcdLog },
    });
    await abort([apiserver, etcd], paths);
    throw error;
  }

  writeKubeconfig(paths.kubeconfig, { server, caFile: certs.ca.cert, certFile: certs.admin.cert, keyFile: certs.admin.key });
  Object.assign(state, { phase: 'ready', readyAt: new Date().toISOString() });
  writeState(paths.state, state);
  return state;
}
