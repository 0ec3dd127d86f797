// Starts the built app the way `npm start` does, as a child process, against
// a FakeGitHub listening on a port (listen()): Probot's usual environment
// (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST + GHE_PROTOCOL=http, HOST,
// PORT, LOG_LEVEL, LOG_FORMAT=json) and nothing else of this process's
// environment but PATH and locale (so no KUBEGATE_* settings: no clusters).
// Deliveries are signed and POSTed over HTTP to the webhook path.
//
// The child runs in a scratch folder: Probot reads `.env` from its working
// directory and lets it override the environment, and a developer's `.env`
// (real credentials, a smee.io proxy) must not reach the test.
//
//   const github = new FakeGitHub(); await github.listen();
//   ... register fakes ...
//   const app = await startAppProcess({ github });
//   const answer = await app.deliver('pull_request', payload);
//   await app.stop(); app.assertDone();
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appStartCommand, assertBuilt, staleBuildNote } from './app-start-command.js';
import type { FakeGitHub } from './fake-github.js';
import { checkInstallationAuth, fakeInstallationToken, type InstallationTokenFake } from './fakes/installation-token.js';
import { isObject, type JsonObject } from './openapi-description.js';
import { signPayload, TEST_WEBHOOK_SECRET, testPrivateKey } from './start-app.js';

export interface AppProcessOptions {
  /** Listening (listen() resolved). */
  github: FakeGitHub;
  appId?: number;
  /** The repository root (package.json, dist/); default: the working directory. */
  root?: string;
  /** Variables added to (or replacing) the usual ones. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface DeliveryAnswer {
  status: number;
  body: string;
}

export interface DeliverOptions {
  /** X-GitHub-Delivery (default: a fresh UUID). */
  id?: string;
  /** The secret to sign with (default: the app's). */
  secret?: string;
}

export interface AppProcess {
  /** The app's server, http://127.0.0.1:PORT. */
  readonly url: string;
  readonly appId: number;
  readonly installationTokens: InstallationTokenFake;
  /** Signs and POSTs a webhook; resolves with the app's answer. */
  deliver(name: string, payload: object, options?: DeliverOptions): Promise<DeliveryAnswer>;
  /** The child's stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines so far (pino: level 30 info, 40 warn, 50 error, 60 fatal). */
  logs(): JsonObject[];
  /** Whether the child is still running. */
  running(): boolean;
  /** FakeGitHub.assertDone, and every API request authenticated with an installation token it issued. */
  assertDone(): void;
  /** Sends the child a signal and resolves when it exited, with how. */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends the child (SIGTERM, then SIGKILL) and removes its scratch folder. */
  stop(): Promise<void>;
}

const WEBHOOK_PATH = '/api/github/webhooks';
/** Variables of this process the child may see: finding kubectl, and the locale. */
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ'];

const warned = new Set<string>();
function warnOnce(note: string | undefined): void {
  if (note === undefined || warned.has(note)) return;
  warned.add(note);
  console.warn(`startAppProcess: ${note}`);
}

/** Children still running, ended when this process exits (a test that never reached its cleanup). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const { github, appId = 29310, root = process.cwd(), startTimeoutMs = 30_000 } = options;
  const command = appStartCommand(root);
  assertBuilt(root, command);
  warnOnce(staleBuildNote(root, command));
  const host = new URL(github.baseUrl);
  if (host.protocol !== 'http:' || host.pathname !== '/api/v3') {
    throw new Error(`startAppProcess: the FakeGitHub must listen() first (its base URL is ${github.baseUrl})`);
  }
  const installationTokens = fakeInstallationToken(github, { appId, privateKey: testPrivateKey() });
  const port = await freePort();
  const env: Record<string, string> = {
    ...passedThrough(),
    APP_ID: String(appId),
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    GHE_HOST: host.host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...options.env,
  };
  const cwd = mkdtempSync(join(tmpdir(), 'kubegate-app-'));
  const child = spawn(command.command, command.args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => void (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => void (output += text));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    }
    rmSync(cwd, { recursive: true, force: true });
  };

  try {
    await waitForListening(child, () => output, exited, startTimeoutMs);
  } catch (error: unknown) {
    await stop();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appId,
    installationTokens,
    deliver: (name, payload, deliverOptions = {}) => deliver(`${url}${WEBHOOK_PATH}`, name, payload, deliverOptions),
    output: () => output,
    logs: () => parseLogs(output),
    running: () => child.exitCode === null && child.signalCode === null,
    async signal(signal) {
      child.kill(signal);
      await exited;
      return { code: child.exitCode, signal: child.signalCode };
    },
    assertDone() {
      checkInstallationAuth(github, installationTokens);
      github.assertDone();
    },
    stop,
  };
}

async function deliver(url: string, name: string, payload: object, options: DeliverOptions): Promise<DeliveryAnswer> {
  const text = JSON.stringify(payload);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/kubegate-test',
      'x-github-event': name,
      'x-github-delivery': options.id ?? randomUUID(),
      'x-hub-signature-256': signPayload(text, options.secret),
    },
    body: text,
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: await response.text() };
}

/** Resolves on Probot's "Listening on" line; fails on exit or timeout, with the child's output. */
async function waitForListening(child: ChildProcess, output: () => string, exited: Promise<void>, timeoutMs: number): Promise<void> {
  const failure = (reason: string): Error => new Error(`the app (${child.spawnargs.slice(1).join(' ')}) ${reason}; its output:\n${output() || '(none)'}`);
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (!/Listening on http:\/\//.test(output())) {
    if (hasExited) throw failure(`exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}) before listening`);
    if (Date.now() > deadline) throw failure(`did not log "Listening on" within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function passedThrough(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** A port free on 127.0.0.1 right now (Probot takes PORT=0 for its default, 3000). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port found on 127.0.0.1');
  return address.port;
}

function parseLogs(output: string): JsonObject[] {
  const lines: JsonObject[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isObject(parsed)) lines.push(parsed);
    } catch {
      // a line that only looks like JSON: not a log line
    }
  }
  return lines;
}
