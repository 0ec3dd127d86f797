import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubectlMissingError, KustomizeError, runKustomize } from '../../../src/render/kustomize/run-kustomize.js';
import { writeSnapshotTree } from '../../../src/render/kustomize/write-snapshot-tree.js';
import { DEMO_DIR, snapshotFromDirs, snapshotOf } from '../snapshot/snapshot-from-dirs.js';
import { itWithKubectl } from './kubectl-available.js';

describe('writeSnapshotTree + runKustomize', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kubegate-kustomize-test-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  itWithKubectl('renders the demo staging overlay with prefix, namespace and patch applied', async () => {
    await writeSnapshotTree(snapshotFromDirs('s', join(DEMO_DIR, 'base')), root);
    const out = await runKustomize({ root, dir: 'platform/overlays/staging' });
    expect(out).toContain('name: staging-api');
    expect(out).toContain('namespace: staging');
    expect(out).toContain('app.kubernetes.io/part-of: platform');
  });

  itWithKubectl('reports kustomize errors with repository-relative paths', async () => {
    await writeSnapshotTree(snapshotOf('s', { 'o/kustomization.yaml': 'resources: [missing.yaml]\n' }), root);
    const err = await runKustomize({ root, dir: 'o' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KustomizeError);
    expect((err as Error).message).toMatch(/^kubectl kustomize o failed: .*missing\.yaml/);
    expect((err as Error).message).not.toContain(root);
  });

  itWithKubectl('stops a render whose output is too large', async () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: "${'x'.repeat(200_000)}"\n`;
    await writeSnapshotTree(snapshotOf('s', { 'o/kustomization.yaml': 'resources: [big.yaml]\n', 'o/big.yaml': big }), root);
    await expect(runKustomize({ root, dir: 'o', maxOutputBytes: 10_000 })).rejects.toThrow('printed more than 10000 bytes and was stopped');
  });

  it('stops a render that takes too long', async () => {
    // a stand-in "kubectl" (node running ./kustomize) that never answers: the timeout is under test
    writeFileSync(join(root, 'kustomize'), 'setInterval(() => {}, 1000);\n');
    const err = await runKustomize({ root, dir: '.', kubectl: process.execPath, timeoutMs: 300, env: { PATH: '' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KustomizeError);
    expect((err as Error).message).toContain('took longer than 0.3 s and was stopped');
  });

  it('says clearly when kubectl is missing', async () => {
    await expect(runKustomize({ root, dir: '.', kubectl: 'kubectl-that-does-not-exist' })).rejects.toThrow(KubectlMissingError);
    await expect(runKustomize({ root, dir: '.', kubectl: 'kubectl-that-does-not-exist' })).rejects.toThrow(/kubectl is not installed/);
  });

  it('writes regular files, copies in-tree symlinks to files, refuses escaping ones', async () => {
    const snap = snapshotOf('s', {
      'a/real.yaml': 'kind: A\n',
      'b/link.yaml': { path: 'b/link.yaml', type: 'symlink', size: 12, hash: 'h1', linkTarget: '../a/real.yaml' },
      'b/escape.yaml': { path: 'b/escape.yaml', type: 'symlink', size: 12, hash: 'h2', linkTarget: '../../../etc/passwd' },
      'b/abs.yaml': { path: 'b/abs.yaml', type: 'symlink', size: 12, hash: 'h3', linkTarget: '/etc/passwd' },
      sub: { path: 'sub', type: 'submodule', size: 0, hash: 'h4' },
    });
    const refused = await writeSnapshotTree(snap, root);
    expect(readFileSync(join(root, 'b/link.yaml'), 'utf8')).toBe('kind: A\n');
    expect(existsSync(join(root, 'b/escape.yaml'))).toBe(false);
    expect(existsSync(join(root, 'sub'))).toBe(false);
    expect(refused.map((r) => [r.path, r.reason]).sort()).toEqual([
      ['b/abs.yaml', 'points outside the repository'],
      ['b/escape.yaml', 'points outside the repository'],
    ]);
  });
});
