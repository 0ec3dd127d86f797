// A lock file so two `up` runs never start two control planes in one folder.
// A second `up` waits (bounded) for the first, then finds it running.
// A lock left by a dead process is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterError } from './errors.mjs';
import { isAlive } from './processes.mjs';

function holder(file) {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function tryCreate(file) {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
}

/** Resolves to a release function. */
export async function acquireLock(file, { waitMs, log = () => {} }) {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    if (tryCreate(file)) return () => rmSync(file, { force: true });
    const pid = holder(file);
    if (pid === process.pid) return () => {};
    if (!pid || !isAlive(pid)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new ClusterError(
        `another "up" (pid ${pid}) is still starting the control plane after ${Math.round(waitMs / 1000)} s; ` +
          `stop it (kill ${pid}) or wait, then run again. Lock file: ${file}`,
      );
    }
    if (!announced) log(`another "up" (pid ${pid}) is starting the control plane; waiting for it`);
    announced = true;
    await sleep(250);
  }
}

/** Removes the lock when this process or a dead one holds it. */
export function clearLock(file) {
  const pid = holder(file);
  if (pid === process.pid || !pid || !isAlive(pid)) rmSync(file, { force: true });
}
