// Detached child processes with pid files and log files, and stopping them.
// A pid is only signalled when /proc shows it still runs our binary with our
// cluster folder in its arguments, so a reused pid is never killed.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, readdirSync, closeSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function startDetached({ command, args, logFile, pidFile, cwd }) {
  const log = openSync(logFile, 'a');
  let child;
  try {
    child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const exit = { code: null, signal: null, error: null };
  child.on('exit', (code, signal) => Object.assign(exit, { code, signal }));
  child.on('error', (error) => Object.assign(exit, { error }));
  if (child.pid) writeFileSync(pidFile, `${child.pid}\n`);
  child.unref();
  return { pid: child.pid, exit, exited: () => exit.code !== null || exit.signal !== null || exit.error !== null };
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  const stat = readStat(pid);
  return stat !== 'Z';
}

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** True when pid is alive and (where /proc exists) its arguments mention marker. */
export function isOurs(pid, marker) {
  if (!isAlive(pid)) return false;
  if (!existsSync('/proc/self/cmdline')) return true;
  const args = cmdline(pid);
  return args !== null && args.some((a) => a.includes(marker));
}

/** Pids whose command line mentions marker (Linux /proc only; [] elsewhere). */
export function findByMarker(marker) {
  if (!existsSync('/proc/self/cmdline')) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid && isOurs(pid, marker));
}

export async function stopProcess(pid, { timeoutMs = 15000 } = {}) {
  if (!isAlive(pid)) return 'gone';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'terminated';
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'terminated';
  }
  const killDeadline = Date.now() + 5000;
  while (isAlive(pid) && Date.now() < killDeadline) await sleep(50);
  return 'killed';
}

export function readPidFile(file) {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
