// POST /app/installations/{installation_id}/access_tokens, as GitHub answers
// it, after checking the app's JWT (RS256, signed by the app's private key,
// issued for the app id) the way GitHub does.
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { FakeGitHub } from '../fake-github.js';

export interface InstallationTokenFake {
  /** The tokens handed out, per installation id. */
  readonly tokens: Map<number, string>;
}

export function fakeInstallationToken(github: FakeGitHub, options: { appId: number; privateKey: string }): InstallationTokenFake {
  const publicKey = createPublicKey(options.privateKey);
  const tokens = new Map<number, string>();
  github.on(
    'POST /app/installations/{installation_id}/access_tokens',
    (request) => {
      const problem = checkJwt(request.headers['authorization'] ?? '', publicKey, options.appId);
      if (problem) {
        github.problems.push(`installation token request: ${problem}`);
        return { status: 401, body: { message: 'A JSON web token could not be decoded', documentation_url: 'https://docs.github.com/rest' } };
      }
      const installationId = Number(request.params['installation_id']);
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      tokens.set(installationId, token);
      const body = github.example('installation-token');
      body['token'] = token;
      body['expires_at'] = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
      return { status: 201, body };
    },
    { optional: true },
  );
  return { tokens };
}

/** Records a problem for every API request (but the token exchange) not authenticated with a token this fake issued. */
export function checkInstallationAuth(github: FakeGitHub, fake: InstallationTokenFake): void {
  const issued = new Set([...fake.tokens.values()].map((t) => `token ${t}`));
  for (const request of github.requests) {
    if (request.operationId === 'apps/create-installation-access-token') continue;
    if (!issued.has(request.headers['authorization'] ?? '')) {
      github.problems.push(`${request.method} ${request.path} is not authenticated with an installation token`);
    }
  }
}

function checkJwt(authorization: string, publicKey: KeyObject, appId: number): string | undefined {
  const jwt = /^bearer (.+)$/i.exec(authorization)?.[1];
  if (!jwt) return 'no "Authorization: Bearer <JWT>" header';
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return 'the JWT does not have three parts';
  const signed = verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  if (!signed) return 'the JWT is not signed by the app private key';
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const iss = typeof claims === 'object' && claims !== null && 'iss' in claims ? String(claims.iss) : '';
  return iss === String(appId) ? undefined : `the JWT is issued for app "${iss}", not ${appId}`;
}
