// The last lines of a log file, for error messages.
import { readFileSync } from 'node:fs';

export function tail(file, lines = 25) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return `(no log at ${file})`;
  }
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n') || '(log is empty)';
}

export function hasLine(file, pattern) {
  try {
    return pattern.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}
