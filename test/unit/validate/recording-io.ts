// A CliIo that records what a command prints (for the validate CLI tests).
import type { ValidateIo } from '../../../src/cli/validate/run-validate.js';

export interface RecordingIo extends ValidateIo {
  out: string[];
  err: string[];
}

export function recordingIo(cwd: string, stdin?: string): RecordingIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: () => Promise.resolve(stdin ?? ''),
    cwd,
    env: {},
    stdinIsTTY: stdin === undefined,
    fetch: (url) => Promise.reject(new Error(`network disabled in tests (${url})`)),
  };
}
