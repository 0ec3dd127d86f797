// kubectl against the harness: the kubeconfig works for users too, and
// `kubectl diff --server-side` previews like kubegate does. Skipped when
// kubectl is not on PATH.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBERNETES_VERSION } from '../cluster/versions.mjs';
import { freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;

function kubectl(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['--kubeconfig', kubeconfigPath(), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function manifest(namespace: string, replicas: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kubegate-kubectl-')), 'configmap.yaml');
  writeFileSync(
    file,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${namespace}\ndata:\n  replicas: "${replicas}"\n`,
  );
  return file;
}

describe('kubectl', () => {
  withKubectl('reports the server version', () => {
    const r = kubectl(['version', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).serverVersion.gitVersion).toBe(KUBERNETES_VERSION);
  });

  withKubectl('diff --server-side shows the change and exits 1, then 0 once applied', async () => {
    const namespace = await freshNamespace('kubectl-diff');
    const file = manifest(namespace, 3);
    const before = kubectl(['diff', '--server-side', '--field-manager=kubegate', '-f', file]);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(1);
    expect(before.stdout).toMatch(/^\+\s+replicas: "3"$/m);
    expect(kubectl(['apply', '--server-side', '--field-manager=kubegate', '-f', file]).status).toBe(0);
    const after = kubectl(['diff', '--server-side', '--field-manager=kubegate', '-f', file]);
    expect(after).toMatchObject({ status: 0, stdout: '' });
  });
});
