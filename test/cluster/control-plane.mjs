// up / down / status of the local control plane. Used by cli.mjs and by the
// jest global setup, so both behave the same. `log` receives progress lines.
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { BuildError, ensureBinaries } from './build.mjs';
import { checkOpenssl } from './certs.mjs';
import { ClusterError } from './errors.mjs';
import { acquireLock, clearLock } from './lock.mjs';
import { clusterPaths } from './paths.mjs';
import { findByMarker, isOurs, readPidFile, stopProcess } from './processes.mjs';
import { apiserverReady } from './readiness.mjs';
import { PortRaceError, startControlPlane } from './start-control-plane.mjs';
import { readState } from './state.mjs';

const DEFAULT_TIMEOUT_S = 120;
const OWN_ENTRIES = new Set([
  'state.json', 'state.json.tmp', 'kubeconfig', 'pki', 'etcd', 'etcd.log', 'apiserver.log', 'etcd.pid', 'apiserver.pid',
]);

const marker = (paths) => `${paths.dir}${sep}`;

function timeoutMs(env) {
  const seconds = Number(env.KUBEGATE_CLUSTER_TIMEOUT || DEFAULT_TIMEOUT_S);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ClusterError(`KUBEGATE_CLUSTER_TIMEOUT=${env.KUBEGATE_CLUSTER_TIMEOUT} is not a number of seconds.`);
  }
  return seconds * 1000;
}

/** Pids of our etcd / kube-apiserver for this folder, kube-apiserver first. */
function ourPids(paths, state) {
  const known = [state?.pids?.apiserver, readPidFile(paths.apiserverPid), state?.pids?.etcd, readPidFile(paths.etcdPid)];
  const all = [...known, ...findByMarker(marker(paths))];
  return [...new Set(all)].filter((pid) => isOurs(pid, marker(paths)));
}

/** Removes only the files this tool creates, then the folder if it is empty. True if any existed. */
function removeFiles(paths) {
  if (!existsSync(paths.dir)) return false;
  const own = readdirSync(paths.dir).filter((name) => OWN_ENTRIES.has(name));
  for (const name of own) rmSync(join(paths.dir, name), { recursive: true, force: true });
  if (readdirSync(paths.dir).length === 0) rmdirSync(paths.dir);
  return own.length > 0;
}

async function runningControlPlane(paths, apiserverExtraArgs) {
  const state = readState(paths.state);
  if (state?.phase !== 'ready') return null;
  if (apiserverExtraArgs && JSON.stringify(state.apiserverExtraArgs ?? []) !== JSON.stringify(apiserverExtraArgs)) return null;
  const m = marker(paths);
  if (!isOurs(state.pids.etcd, m) || !isOurs(state.pids.apiserver, m) || !existsSync(paths.kubeconfig)) return null;
  const pki = state.paths.pki;
  const answer = await apiserverReady({
    port: state.ports.apiserver, caFile: join(pki, 'ca.crt'), certFile: join(pki, 'admin.crt'), keyFile: join(pki, 'admin.key'),
  })().catch((err) => ({ ok: false, detail: err.message }));
  return answer.ok ? state : null;
}

async function cleanStale(paths, log, apiserverExtraArgs) {
  const state = readState(paths.state);
  const pids = ourPids(paths, state);
  for (const pid of pids) await stopProcess(pid);
  const removed = removeFiles(paths);
  const otherArgs = JSON.stringify(state?.apiserverExtraArgs ?? []) !== JSON.stringify(apiserverExtraArgs);
  if (pids.length > 0 && state?.phase === 'ready' && otherArgs) {
    log(`stopped the control plane in ${paths.dir} (pid ${pids.join(', ')}): it ran with other kube-apiserver flags`);
  } else if (pids.length > 0) {
    log(`found a control plane from an earlier run that was not stopped cleanly; ` +
      `stopped its process(es) (pid ${pids.join(', ')}) and removed its files in ${paths.dir}`);
  } else if (state?.phase === 'ready') {
    log(`found the files of an earlier run whose processes are gone (crashed or killed); removed them from ${paths.dir}`);
  } else if (removed) {
    log(`removed the files (and logs) of an earlier start that failed, in ${paths.dir}`);
  }
}

function binaries(env) {
  try {
    return ensureBinaries(env);
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    const reason = err.message.replace(/^kubegate cluster build: /, '');
    throw new ClusterError(`could not build the control plane binaries: ${reason}`, { cause: err });
  }
}

/**
 * Starts etcd + kube-apiserver unless this folder already has a healthy pair
 * started with the same apiserverExtraArgs (extra kube-apiserver flags).
 * Returns the state (see state.json) plus { alreadyRunning }.
 */
export async function up({ env = process.env, log = () => {}, apiserverExtraArgs = [] } = {}) {
  const paths = clusterPaths(env);
  const timeout = timeoutMs(env);
  mkdirSync(dirname(paths.dir), { recursive: true });
  const release = await acquireLock(paths.lock, { waitMs: timeout + 60_000, log });
  try {
    const running = await runningControlPlane(paths, apiserverExtraArgs);
    if (running) return { ...running, alreadyRunning: true };
    await cleanStale(paths, log, apiserverExtraArgs);
    const bins = binaries(env);
    checkOpenssl();
    for (let attempt = 1; ; attempt += 1) {
      try {
        const state = await startControlPlane({ paths, binaries: bins, env, timeoutMs: timeout, log, apiserverExtraArgs });
        return { ...state, alreadyRunning: false };
      } catch (err) {
        if (!(err instanceof PortRaceError) || attempt >= 3) throw err;
        log(`a port chosen for the control plane was taken meanwhile; retrying with other ports (attempt ${attempt + 1} of 3)`);
        removeFiles(paths);
      }
    }
  } finally {
    release();
  }
}

/** Stops both processes and removes the folder's files. Idempotent. */
export async function down({ env = process.env } = {}) {
  const paths = clusterPaths(env);
  const state = readState(paths.state);
  const pids = ourPids(paths, state);
  const stopped = [];
  for (const pid of pids) stopped.push({ pid, how: await stopProcess(pid) });
  const removed = removeFiles(paths);
  clearLock(paths.lock);
  return { stopped, removed, dir: paths.dir };
}

/** The state of a healthy control plane in this folder, or null. */
export async function status({ env = process.env } = {}) {
  return runningControlPlane(clusterPaths(env));
}

export { ClusterError, clusterPaths };
