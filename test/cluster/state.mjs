// state.json: what `down`, a second `up` and the test setup need to know.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

export function readState(file) {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8'));
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}

export function writeState(file, state) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}
