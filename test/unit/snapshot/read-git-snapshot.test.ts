import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitSnapshot } from '../../../src/snapshot/read-git-snapshot.js';
import { GitError } from '../../../src/snapshot/run-git.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

describe('readGitSnapshot', () => {
  let repo: string;
  let first: string;
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'kubegate-snapshot-'));
    git(repo, 'init', '-q', '-b', 'main');
    mkdirSync(join(repo, 'apps', 'with space'), { recursive: true });
    writeFileSync(join(repo, 'apps', 'with space', 'web.yaml'), deployment);
    writeFileSync(join(repo, 'big.yaml'), 'x'.repeat(2000));
    writeFileSync(join(repo, 'bin.dat'), Buffer.from([0, 1, 2, 0xff, 0x0a, 0]));
    symlinkSync('apps/with space/web.yaml', join(repo, 'link.yaml'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'first');
    first = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`);
    writeFileSync(join(repo, 'apps', 'with space', 'web.yaml'), `${deployment}  labels: {a: b}\n`);
    git(repo, 'add', 'apps');
    git(repo, 'commit', '-q', '-m', 'second');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists regular files with contents, symlinks with targets and submodules', async () => {
    const snap = await readGitSnapshot({ repoDir: repo, ref: 'HEAD', maxFileBytes: 1000 });
    expect(snap.sha).toBe(git(repo, 'rev-parse', 'HEAD').trim());
    expect([...snap.files.keys()].sort()).toEqual(['apps/with space/web.yaml', 'big.yaml', 'bin.dat', 'link.yaml', 'vendor/sub']);
    const web = snap.files.get('apps/with space/web.yaml');
    expect(web?.type).toBe('file');
    expect(web?.content?.toString('utf8')).toBe(`${deployment}  labels: {a: b}\n`);
    expect(web?.hash).toBe(git(repo, 'rev-parse', 'HEAD:apps/with space/web.yaml').trim());
    expect(snap.files.get('bin.dat')?.content).toEqual(Buffer.from([0, 1, 2, 0xff, 0x0a, 0]));
    expect(snap.files.get('link.yaml')).toMatchObject({ type: 'symlink', linkTarget: 'apps/with space/web.yaml' });
    expect(snap.files.get('vendor/sub')).toMatchObject({ type: 'submodule', hash: first });
    expect(snap.files.get('vendor/sub')?.content).toBeUndefined();
  });

  it('lists a file over the size limit without its content', async () => {
    const snap = await readGitSnapshot({ repoDir: repo, ref: 'HEAD', maxFileBytes: 1000 });
    expect(snap.files.get('big.yaml')).toMatchObject({ type: 'file', size: 2000 });
    expect(snap.files.get('big.yaml')?.content).toBeUndefined();
  });

  it('reads an older ref, where file hashes differ', async () => {
    const a = await readGitSnapshot({ repoDir: repo, ref: first });
    const b = await readGitSnapshot({ repoDir: repo, ref: 'main' });
    expect(a.files.get('apps/with space/web.yaml')?.hash).not.toBe(b.files.get('apps/with space/web.yaml')?.hash);
    expect(a.files.get('big.yaml')?.hash).toBe(b.files.get('big.yaml')?.hash);
    expect(a.files.has('vendor/sub')).toBe(false);
  });

  it('says clearly when the ref does not exist', async () => {
    await expect(readGitSnapshot({ repoDir: repo, ref: 'no-such-branch' })).rejects.toThrow(
      `"no-such-branch" is not a commit in the git repository at ${repo}`,
    );
  });

  it('refuses a ref that looks like an option', async () => {
    await expect(readGitSnapshot({ repoDir: repo, ref: '--output=/tmp/x' })).rejects.toThrow(GitError);
  });
});
