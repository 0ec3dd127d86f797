// Polls a health endpoint until it answers 200, the process dies, or time runs out.
import { get as httpGet } from 'node:http';
import { readFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

// /readyz lists its checks one per line; the failing ones start with "[-]".
function summarize(status, body) {
  const failing = body.split('\n').filter((line) => line.startsWith('[-]')).map((line) => line.slice(3).split(' ')[0]);
  if (failing.length > 0) return `HTTP ${status}, failing checks: ${failing.join(', ')}`;
  return `HTTP ${status}: ${body.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
}

function probe(getter, url, options) {
  return new Promise((resolveProbe) => {
    const req = getter(url, { ...options, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolveProbe({ ok: res.statusCode === 200, detail: summarize(res.statusCode, body) }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolveProbe({ ok: false, detail: err.message }));
  });
}

export function etcdHealth(port) {
  return () => probe(httpGet, `http://127.0.0.1:${port}/health`, {});
}

/**
 * Ready means /readyz answers 200 and the "default" namespace exists (the
 * bootstrap controller creates it just after /readyz turns green).
 * caFile/certFile/keyFile: the CA and an admin client certificate.
 */
export function apiserverReady({ port, caFile, certFile, keyFile }) {
  const tls = { ca: readFileSync(caFile), cert: readFileSync(certFile), key: readFileSync(keyFile), agent: false };
  const base = `https://127.0.0.1:${port}`;
  return async () => {
    const readyz = await probe(httpsGet, `${base}/readyz`, tls);
    if (!readyz.ok) return readyz;
    const ns = await probe(httpsGet, `${base}/api/v1/namespaces/default`, tls);
    return ns.ok ? ns : { ok: false, detail: `/readyz is ok, namespace "default" not yet: ${ns.detail}` };
  };
}

/**
 * Resolves { ready: true } or { ready: false, reason: 'exited' | 'timeout', detail }.
 * `exited()` is checked between probes so a crashed process fails fast.
 */
export async function waitUntilReady({ check, exited, timeoutMs, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  let last = { ok: false, detail: 'no answer yet' };
  while (Date.now() < deadline) {
    if (exited()) return { ready: false, reason: 'exited', detail: last.detail };
    last = await check();
    if (last.ok) return { ready: true };
    await sleep(intervalMs);
  }
  return { ready: false, reason: 'timeout', detail: last.detail };
}
