// Runs git with an argument array (never a shell) and collects its stdout.
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GitError';
  }
}

export interface GitRequest {
  cwd: string;
  args: string[];
  input?: string;
}

export type RunGit = (request: GitRequest) => Promise<Buffer>;

export const runGit: RunGit = ({ cwd, args, input }) =>
  new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (cause: NodeJS.ErrnoException) => {
      const why = cause.code === 'ENOENT' ? 'git is not installed (not found on PATH)' : `cannot run git: ${cause.message}`;
      reject(new GitError(why, { cause }));
    });
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString('utf8').trim();
      reject(new GitError(`git ${args[0] ?? ''} failed in ${cwd}: ${stderr || `exit code ${String(code)}`}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
