// `kubectl kustomize DIR`, spawned with an argument array: no plugins, no exec
// functions, no Helm (kubectl's defaults, never switched on), a minimal
// environment, bounded time and output.
import { spawn } from 'node:child_process';

export class KubectlMissingError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('kubectl is not installed (not found on PATH): Kustomize overlays cannot be rendered; install kubectl 1.27 or newer', options);
    this.name = 'KubectlMissingError';
  }
}

export class KustomizeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KustomizeError';
  }
}

export interface RunKustomizeOptions {
  /** The directory the snapshot was written to. */
  root: string;
  /** The overlay directory, relative to root. */
  dir: string;
  timeoutMs?: number;
  maxOutputBytes?: number;
  kubectl?: string;
  env?: NodeJS.ProcessEnv;
}

export const KUSTOMIZE_TIMEOUT_MS = 60_000;
export const KUSTOMIZE_MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** kustomize names files by absolute path; show them relative to the repository. */
function relativeMessage(stderr: string, root: string): string {
  return stderr.split(`${root}/`).join('').split(root).join('.').trim();
}

export function runKustomize(options: RunKustomizeOptions): Promise<string> {
  const { root, dir, timeoutMs = KUSTOMIZE_TIMEOUT_MS, maxOutputBytes = KUSTOMIZE_MAX_OUTPUT_BYTES, kubectl = 'kubectl' } = options;
  const env = options.env ?? { PATH: process.env.PATH ?? '', HOME: root, KUBECONFIG: '', GIT_TERMINAL_PROMPT: '0' };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(kubectl, ['kustomize', dir === '' ? '.' : dir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: Error | undefined;
    const stop = (e: Error): void => {
      failure ??= e;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new KustomizeError(`kubectl kustomize ${dir} took longer than ${timeoutMs / 1000} s and was stopped`)), timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxOutputBytes) stop(new KustomizeError(`kubectl kustomize ${dir} printed more than ${maxOutputBytes} bytes and was stopped`));
      else out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (err.reduce((n, b) => n + b.length, 0) < 64 * 1024) err.push(c);
    });
    child.on('error', (cause: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(cause.code === 'ENOENT' ? new KubectlMissingError({ cause }) : new KustomizeError(`cannot run kubectl: ${cause.message}`, { cause }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      if (code === 0) return resolvePromise(Buffer.concat(out).toString('utf8'));
      const message = relativeMessage(Buffer.concat(err).toString('utf8'), root).replace(/^Error:\s*/, '');
      reject(new KustomizeError(`kubectl kustomize ${dir} failed: ${message || `exit code ${String(code)}`}`));
    });
  });
}
