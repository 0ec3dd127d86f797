// The snapshot fallback against a real git repository: what the trees API
// lists (`git ls-tree -r -t -l`) and serves as blobs (`git cat-file`) gives the
// same files, types and blob hashes as the tarball GitHub would serve
// (`git archive`), so the changed files are the same; only the files the
// pipeline reads get content, each blob fetched once.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Snapshot } from '../../../src/core/types.js';
import type { GitTree } from '../../../src/github/github-port.js';
import { extractSnapshot } from '../../../src/github/snapshot/extract-snapshot.js';
import { readTreeSnapshots } from '../../../src/github/snapshot/read-tree-snapshots.js';
import { findChangedFiles } from '../../../src/pipeline/find-changed-files.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const gitTest = hasGit ? test : test.skip;

function run(cwd: string, args: string[]): Buffer {
  const result = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}
const git = (cwd: string, ...args: string[]): string => run(cwd, args).toString('utf8').trim();

/** A port over the repository's object database, counting blob requests. */
function gitPort(cwd: string): { getTree(ref: string): Promise<GitTree>; getBlob(sha: string): Promise<Buffer>; blobRequests: string[] } {
  const blobRequests: string[] = [];
  return {
    blobRequests,
    getTree: async (ref) => {
      const entries = git(cwd, 'ls-tree', '-r', '-t', '-l', ref)
        .split('\n')
        .map((line) => {
          const [meta = '', path = ''] = line.split('\t');
          const [mode = '', type = '', sha = '', size = '-'] = meta.split(/\s+/);
          return { path, mode, type, sha, ...(size === '-' ? {} : { size: Number(size) }) };
        });
      return { entries, truncated: false };
    },
    getBlob: async (sha) => {
      blobRequests.push(sha);
      return run(cwd, ['cat-file', 'blob', sha]);
    },
  };
}

async function fromTarball(cwd: string, ref: string): Promise<Snapshot> {
  const archive = run(cwd, ['archive', '--format=tar.gz', '--prefix=Codertocat-Hello-World-1a2b3c4/', ref]);
  return extractSnapshot(Readable.from([archive]), git(cwd, 'rev-parse', ref));
}

const withoutContent = (s: Snapshot): unknown[] =>
  [...s.files.values()].map(({ path, type, hash, linkTarget }) => ({ path, type, hash, ...(linkTarget === undefined ? {} : { linkTarget }) })).sort((a, b) => a.path.localeCompare(b.path));
const withContent = (s: Snapshot): string[] => [...s.files.values()].filter((f) => f.content !== undefined).map((f) => f.path).sort();

let repo: string;
let baseSha: string;
let headSha: string;
beforeAll(() => {
  if (!hasGit) return;
  repo = mkdtempSync(join(tmpdir(), 'kubegate-tree-snapshot-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  git(repo, 'init', '-q');
  write('apps/web/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
  write('apps/web/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
  write('platform/base/kustomization.yaml', 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: settings\n    envs: [../shared/settings.env]\n');
  write('platform/base/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n');
  write('platform/base/unused.yaml', 'kind: ConfigMap\n');
  write('platform/shared/settings.env', 'MODE=demo\n');
  write('platform/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\n');
  write('crds/widget.yaml', 'kind: CustomResourceDefinition\n');
  write('README.md', '# not a manifest\n');
  write('main.go', 'package main\n');
  write('big.yaml', `# ${'x'.repeat(1024 * 1024 + 10)}\n`);
  symlinkSync('apps/web/deployment.yaml', join(repo, 'current.yaml'));
  git(repo, 'add', '.');
  git(repo, 'update-index', '--add', '--cacheinfo', '160000,0123456789abcdef0123456789abcdef01234567,vendor/library');
  git(repo, 'commit', '-qm', 'base');
  baseSha = git(repo, 'rev-parse', 'HEAD');
  write('apps/web/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
  write('apps/web/copy.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'); // same blob as service.yaml
  git(repo, 'add', 'apps');
  git(repo, 'commit', '-qm', 'head');
  headSha = git(repo, 'rev-parse', 'HEAD');
});
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

gitTest('lists what the tarball holds, with the same hashes and changed files, and fetches only what the pipeline reads, each blob once', async () => {
  const port = gitPort(repo);
  const [base, head] = await readTreeSnapshots(port, [{ sha: baseSha }, { sha: headSha }]);
  const [tarBase, tarHead] = [await fromTarball(repo, baseSha), await fromTarball(repo, headSha)];
  if (!base || !head) throw new Error('no snapshots');

  expect(withoutContent(base)).toEqual(withoutContent(tarBase));
  expect(withoutContent(head)).toEqual(withoutContent(tarHead));
  expect(findChangedFiles(base, head)).toEqual(findChangedFiles(tarBase, tarHead));
  expect(findChangedFiles(base, head)).toEqual({ changed: ['apps/web/copy.yaml', 'apps/web/deployment.yaml'], deleted: [] });

  const read = [
    'crds/widget.yaml',
    'platform/base/deployment.yaml',
    'platform/base/kustomization.yaml',
    'platform/overlays/prod/kustomization.yaml',
    'platform/shared/settings.env',
  ];
  expect(withContent(base)).toEqual(['apps/web/deployment.yaml', ...read]);
  expect(withContent(head)).toEqual(['apps/web/copy.yaml', 'apps/web/deployment.yaml', ...read]);
  for (const snapshot of [base, head]) {
    const tarball = snapshot === base ? tarBase : tarHead;
    for (const path of withContent(snapshot)) expect(snapshot.files.get(path)?.content).toEqual(tarball.files.get(path)?.content);
  }
  expect(head.files.get('big.yaml')).toMatchObject({ type: 'file', size: 1024 * 1024 + 13 });
  expect(head.files.get('big.yaml')?.content).toBeUndefined();
  expect(head.files.get('apps/web/service.yaml')?.content).toBeUndefined();
  // 2 versions of the changed Deployment, the added copy, the 5 files read and the symlink: each blob once.
  expect(port.blobRequests).toHaveLength(new Set(port.blobRequests).size);
  expect(port.blobRequests).toHaveLength(9);
});

gitTest('a side already read from a tarball is used as it is; only the other side is listed', async () => {
  const port = gitPort(repo);
  const tarBase = await fromTarball(repo, baseSha);
  const [base, head] = await readTreeSnapshots(port, [tarBase, { sha: headSha }]);
  expect(base).toBe(tarBase);
  if (!head) throw new Error('no head');
  expect(findChangedFiles(tarBase, head)).toEqual(findChangedFiles(tarBase, await fromTarball(repo, headSha)));
  expect(head.files.get('apps/web/deployment.yaml')?.content?.toString()).toContain('replicas: 2');
});
