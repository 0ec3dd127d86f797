// extractSnapshot against real `git archive` output (what GitHub's tarball
// endpoint serves): blob hashes equal git's, symlinks, a submodule, a file
// over the size limit, and a top folder to strip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SnapshotError } from '../../../src/github/errors.js';
import { extractSnapshot } from '../../../src/github/snapshot/extract-snapshot.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const gitTest = hasGit ? test : test.skip;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'buffer' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout.toString('latin1');
}

function archive(cwd: string): Buffer {
  const result = spawnSync('git', ['archive', '--format=tar.gz', '--prefix=Codertocat-Hello-World-1a2b3c4/', 'HEAD'], { cwd, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(result.stderr.toString());
  return result.stdout;
}

let repo: string;
beforeAll(() => {
  if (!hasGit) return;
  repo = mkdtempSync(join(tmpdir(), 'kubegate-snapshot-'));
  git(repo, 'init', '-q');
  mkdirSync(join(repo, 'apps/web'), { recursive: true });
  mkdirSync(join(repo, 'platform/base'), { recursive: true });
  writeFileSync(join(repo, 'apps/web/deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  writeFileSync(join(repo, 'apps/web/values.json'), '{"replicas": 2}\n');
  writeFileSync(join(repo, 'platform/base/Kustomization'), 'resources: []\n');
  writeFileSync(join(repo, 'README.md'), '# not a manifest\n');
  writeFileSync(join(repo, 'main.go'), 'package main\n');
  writeFileSync(join(repo, 'platform/base/app.properties'), 'mode=demo\n');
  writeFileSync(join(repo, 'big.yaml'), `# ${'x'.repeat(1024 * 1024 + 10)}\n`);
  symlinkSync('apps/web/deployment.yaml', join(repo, 'current.yaml'));
  symlinkSync('../platform/base', join(repo, 'apps/base'));
  git(repo, 'add', '.');
  // A submodule as git stores it: a gitlink (mode 160000) in the tree.
  git(repo, 'update-index', '--add', '--cacheinfo', '160000,0123456789abcdef0123456789abcdef01234567,vendor/library');
  git(repo, 'commit', '-qm', 'fixture');
});
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

gitTest('keeps manifests with git blob hashes, records symlinks and submodules, strips the top folder', async () => {
  const snapshot = await extractSnapshot(Readable.from([archive(repo)]), 'sha-1');
  const blobs = new Map(
    git(repo, 'ls-tree', '-r', 'HEAD')
      .trim()
      .split('\n')
      .map((line) => {
        const [meta, path] = line.split('\t');
        return [path ?? '', meta?.split(' ')[2] ?? ''] as const;
      }),
  );
  expect([...snapshot.files.keys()].sort()).toEqual([
    'apps/base',
    'apps/web/deployment.yaml',
    'apps/web/values.json',
    'big.yaml',
    'current.yaml',
    'platform/base/Kustomization',
    'platform/base/app.properties',
    'vendor/library',
  ]);
  const deployment = snapshot.files.get('apps/web/deployment.yaml');
  expect(deployment).toMatchObject({ type: 'file', size: 59, hash: blobs.get('apps/web/deployment.yaml') });
  expect(deployment?.content?.toString()).toContain('name: web');
  expect(snapshot.files.get('current.yaml')).toMatchObject({ type: 'symlink', linkTarget: 'apps/web/deployment.yaml', hash: blobs.get('current.yaml') });
  expect(snapshot.files.get('apps/base')).toMatchObject({ type: 'symlink', linkTarget: '../platform/base' });
  expect(snapshot.files.get('vendor/library')).toEqual({ path: 'vendor/library', size: 0, type: 'submodule', hash: '' });
  const big = snapshot.files.get('big.yaml');
  expect(big).toMatchObject({ type: 'file', size: 1024 * 1024 + 13, hash: blobs.get('big.yaml') });
  expect(big?.content).toBeUndefined();
});

gitTest('fails with a SnapshotError when kept content exceeds the total limit', async () => {
  await expect(extractSnapshot(Readable.from([archive(repo)]), 'sha-2', { maxTotalBytes: 40 })).rejects.toThrow(
    new SnapshotError('sha-2', 'the manifests in it exceed 40 bytes'),
  );
});

test('names the commit when the archive is not a gzip tar', async () => {
  await expect(extractSnapshot(Readable.from([Buffer.from('<html>not a tarball</html>')]), 'abc1234')).rejects.toThrow(
    /could not read the repository at abc1234: the tarball is not a readable gzip tar archive/,
  );
});
