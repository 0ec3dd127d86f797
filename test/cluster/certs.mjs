// Throwaway PKI for one control-plane run: a CA, the apiserver's serving
// certificate, an admin client certificate (system:masters) and the
// service-account signing key pair. Keys come from node:crypto; certificates
// from openssl (node cannot create X.509), always spawned with argument arrays.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterError } from './errors.mjs';

const SERVER_SANS = [
  'IP:127.0.0.1',
  'IP:::1',
  'IP:10.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'DNS:kubernetes.default.svc.cluster.local',
];

export function checkOpenssl(openssl = 'openssl') {
  const r = spawnSync(openssl, ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new ClusterError(
      `"${openssl}" was not found on PATH; it is needed to create the control plane's throwaway ` +
        'certificates. Install OpenSSL (e.g. apt-get install openssl, brew install openssl) and run again.',
    );
  }
  return r.stdout.trim();
}

function runOpenssl(openssl, args) {
  const r = spawnSync(openssl, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new ClusterError(
      `openssl ${args[0]} failed while creating certificates: ${(r.stderr || r.error?.message || '').trim()}`,
    );
  }
}

function writeKey(file, type, options) {
  const { privateKey, publicKey } = generateKeyPairSync(type, options);
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return publicKey.export({ type: 'spki', format: 'pem' });
}

function serial() {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return `0x${bytes.toString('hex')}`;
}

function signLeaf({ openssl, dir, name, subject, extensions }) {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  const crt = join(dir, `${name}.crt`);
  writeKey(key, 'ec', { namedCurve: 'prime256v1' });
  writeFileSync(ext, `${extensions.join('\n')}\n`);
  runOpenssl(openssl, ['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
  runOpenssl(openssl, [
    'x509', '-req', '-in', csr, '-CA', join(dir, 'ca.crt'), '-CAkey', join(dir, 'ca.key'),
    '-set_serial', serial(), '-days', '30', '-sha256', '-extfile', ext, '-out', crt,
  ]);
  return { cert: crt, key };
}

/** Creates the PKI in dir and returns the file paths. */
export function generateCerts({ dir, openssl = 'openssl' }) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = { cert: join(dir, 'ca.crt'), key: join(dir, 'ca.key') };
  writeKey(ca.key, 'ec', { namedCurve: 'prime256v1' });
  runOpenssl(openssl, [
    'req', '-x509', '-new', '-key', ca.key, '-sha256', '-days', '30',
    '-subj', '/CN=kubegate-local-ca', '-out', ca.cert,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const server = signLeaf({
    openssl, dir, name: 'apiserver', subject: '/CN=kube-apiserver',
    extensions: [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${SERVER_SANS.join(',')}`,
    ],
  });
  const admin = signLeaf({
    openssl, dir, name: 'admin', subject: '/O=system:masters/CN=kubegate-admin',
    extensions: [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=clientAuth',
    ],
  });
  const serviceAccount = { key: join(dir, 'sa.key'), pub: join(dir, 'sa.pub') };
  writeFileSync(serviceAccount.pub, writeKey(serviceAccount.key, 'rsa', { modulusLength: 2048 }));
  return { ca, server, admin, serviceAccount };
}

export function readPem(file) {
  return readFileSync(file, 'utf8');
}
