// Test helper: a git repository with the demo's base commit and pull-request commit.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DIR } from '../snapshot/snapshot-from-dirs.js';

export function git(cwd: string, ...args: string[]): string {
  const who = { GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com' };
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...who } }).trim();
}

export function makeDemoRepo(): { repo: string; base: string; head: string } {
  const repo = mkdtempSync(join(tmpdir(), 'kubegate-plan-test-'));
  git(repo, 'init', '-q', '-b', 'main');
  cpSync(join(DEMO_DIR, 'base'), repo, { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  cpSync(join(DEMO_DIR, 'pr'), repo, { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'pull request');
  return { repo, base, head: git(repo, 'rev-parse', 'HEAD') };
}
