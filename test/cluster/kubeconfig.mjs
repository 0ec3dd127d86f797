// A self-contained kubeconfig (certificates embedded) for the admin user.
import { readFileSync, writeFileSync } from 'node:fs';

export const CONTEXT_NAME = 'kubegate-local';

const b64 = (file) => readFileSync(file).toString('base64');

export function renderKubeconfig({ server, caFile, certFile, keyFile }) {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${CONTEXT_NAME}`,
    '  cluster:',
    `    server: ${server}`,
    `    certificate-authority-data: ${b64(caFile)}`,
    'users:',
    '- name: kubegate-admin',
    '  user:',
    `    client-certificate-data: ${b64(certFile)}`,
    `    client-key-data: ${b64(keyFile)}`,
    'contexts:',
    `- name: ${CONTEXT_NAME}`,
    '  context:',
    `    cluster: ${CONTEXT_NAME}`,
    '    user: kubegate-admin',
    '    namespace: default',
    `current-context: ${CONTEXT_NAME}`,
    'preferences: {}',
    '',
  ].join('\n');
}

export function writeKubeconfig(file, options) {
  writeFileSync(file, renderKubeconfig(options), { mode: 0o600 });
}
