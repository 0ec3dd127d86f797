// Reads /version and every /openapi/v3 document of a control plane started by
// this harness (admin client certificate from its pki folder).
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';

function getJson({ server, tls }, path) {
  return new Promise((resolve, reject) => {
    const req = get(`${server}${path}`, { ...tls, agent: false, timeout: 120_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode}: ${body.slice(0, 300)}`));
        else resolve(JSON.parse(body));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer within 120 s`)));
    req.on('error', reject);
  });
}

/** state: the control plane's state.json. Returns { gitVersion, documents: [{ path, doc }] } sorted by path. */
export async function fetchOpenApi(state) {
  const pki = state.paths.pki;
  const target = {
    server: state.server,
    tls: { ca: readFileSync(join(pki, 'ca.crt')), cert: readFileSync(join(pki, 'admin.crt')), key: readFileSync(join(pki, 'admin.key')) },
  };
  const { gitVersion } = await getJson(target, '/version');
  const index = await getJson(target, '/openapi/v3');
  const documents = [];
  for (const path of Object.keys(index.paths).sort()) {
    const doc = await getJson(target, index.paths[path].serverRelativeURL);
    if (doc?.components?.schemas) documents.push({ path, doc });
  }
  return { gitVersion, documents };
}
