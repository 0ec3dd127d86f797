// Starts a Probot app in-process against a FakeGitHub: a fresh RSA key,
// Probot with retries and throttling off, the installation-token exchange
// served (and its JWT checked), and deliveries signed with the webhook secret
// and handed to Probot's verifyAndReceive, as its HTTP server would.
//
//   const harness = await startApp({ app: createApp(deps) });
//   fakeCheckRuns(harness.github, { owner, repo, appId: harness.appId });
//   await harness.deliver('pull_request', payload);
//   harness.assertDone();
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { Probot, ProbotOctokit, type ApplicationFunction } from 'probot';
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js';
import { checkInstallationAuth, fakeInstallationToken, type InstallationTokenFake } from './fakes/installation-token.js';

export interface StartAppOptions extends FakeGitHubOptions {
  app: ApplicationFunction;
  appId?: number;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
}

export interface AppHarness {
  probot: Probot;
  github: FakeGitHub;
  appId: number;
  installationTokens: InstallationTokenFake;
  /** Signs and delivers a webhook; resolves when every handler finished. */
  deliver(name: string, payload: object, id?: string): Promise<void>;
  /** FakeGitHub.assertDone, and every API request authenticated with an installation token it issued. */
  assertDone(): void;
  stop(): void;
}

/** The webhook secret of the test apps. */
export const TEST_WEBHOOK_SECRET = 'kubegate-test-webhook-secret';
let privateKey: string | undefined;

/** The X-Hub-Signature-256 value of a payload text, as GitHub computes it. */
export function signPayload(text: string, secret = TEST_WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(text).digest('hex')}`;
}

export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return privateKey;
}

/**
 * ProbotOctokit without retries and throttling. An options object
 * (ProbotOctokit.defaults({ throttle: { enabled: false } })) is not enough in
 * Probot 14: its own defaults put `throttle` back, and the throttling plugin
 * then spaces write requests one second apart. A function runs last and wins.
 */
export function testOctokit(): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...(typeof options['throttle'] === 'object' ? options['throttle'] : {}), enabled: false },
  }));
}

export async function startApp(options: StartAppOptions): Promise<AppHarness> {
  const appId = options.appId ?? 29310;
  const github = new FakeGitHub(options).start();
  const installationTokens = fakeInstallationToken(github, { appId, privateKey: testPrivateKey() });
  const probot = new Probot({
    appId,
    privateKey: testPrivateKey(),
    secret: TEST_WEBHOOK_SECRET,
    baseUrl: github.baseUrl,
    logLevel: options.logLevel ?? 'fatal',
    Octokit: testOctokit(),
  });
  await probot.load(options.app);

  return {
    probot,
    github,
    appId,
    installationTokens,
    deliver(name, payload, id = randomUUID()) {
      const text = JSON.stringify(payload);
      return probot.webhooks.verifyAndReceive({ id, name, payload: text, signature: signPayload(text) });
    },
    assertDone() {
      checkInstallationAuth(github, installationTokens);
      github.assertDone();
    },
    stop: () => github.stop(),
  };
}
