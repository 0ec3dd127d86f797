// git merge-base on a real repository: the branch point of two branches, and
// undefined for histories without a common commit; a bad ref is an error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMergeBase } from '../../../src/snapshot/find-merge-base.js';
import { git } from '../cli-plan/make-demo-repo.js';

describe('findMergeBase', () => {
  const repo = mkdtempSync(join(tmpdir(), 'kubegate-merge-base-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const commit = (file: string): string => {
    writeFileSync(join(repo, file), file);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', file);
    return git(repo, 'rev-parse', 'HEAD');
  };

  it('finds where a branch left its base; undefined without a common commit; throws for a bad ref', async () => {
    git(repo, 'init', '-q', '-b', 'main');
    const branchPoint = commit('a');
    git(repo, 'checkout', '-q', '-b', 'feature');
    const feature = commit('b');
    git(repo, 'checkout', '-q', 'main');
    const moved = commit('c');
    expect(await findMergeBase({ repoDir: repo, base: moved, head: feature })).toBe(branchPoint);
    expect(await findMergeBase({ repoDir: repo, base: 'main', head: 'main' })).toBe(moved);

    git(repo, 'checkout', '-q', '--orphan', 'unrelated');
    const unrelated = commit('d');
    expect(await findMergeBase({ repoDir: repo, base: moved, head: unrelated })).toBeUndefined();
    await expect(findMergeBase({ repoDir: repo, base: 'no-such-ref', head: unrelated })).rejects.toThrow(/git merge-base failed/);
  });
});
