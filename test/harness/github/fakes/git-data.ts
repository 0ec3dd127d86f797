// GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1 and
// GET /repos/{owner}/{repo}/git/blobs/{sha} for test trees, as GitHub answers
// them: directories as "tree" entries, files and symlinks as blobs with git's
// blob sha (symlink mode 120000), submodules as "commit" entries (160000),
// blob content in base64 wrapped at 60 characters; 404 for anything else.
import { createHash } from 'node:crypto';
import type { Tree, TreeEntry } from '../build-tarball.js';
import type { FakeGitHub, GitHubReply } from '../fake-github.js';

export interface GitDataOptions {
  owner: string;
  repo: string;
  /** Trees by commit sha. */
  trees: Record<string, Tree>;
  /** Commits whose listing GitHub answers as truncated. */
  truncated?: readonly string[];
}

interface ListedEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

const NOT_FOUND: GitHubReply = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git', status: '404' } };

export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function fakeGitData(github: FakeGitHub, options: GitDataOptions): void {
  const blobs = new Map<string, Buffer>();
  const listings = new Map(Object.entries(options.trees).map(([sha, tree]) => [sha, listTree(tree, blobs)]));
  const api = `${github.baseUrl}/repos/${options.owner}/${options.repo}`;
  const ofRepo = { optional: true, match: (r: { params: Record<string, string> }) => r.params['owner'] === options.owner && r.params['repo'] === options.repo };

  github.on(
    'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    (request) => {
      const sha = request.params['tree_sha'] ?? '';
      const entries = listings.get(sha);
      if (!entries || request.query['recursive'] === undefined) return NOT_FOUND;
      const tree = entries.map((e) => ({ ...e, url: `${api}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` }));
      return { status: 200, body: { sha, url: `${api}/git/trees/${sha}`, tree, truncated: options.truncated?.includes(sha) ?? false } };
    },
    ofRepo,
  );
  github.on(
    'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
    (request) => {
      const sha = request.params['file_sha'] ?? '';
      const bytes = blobs.get(sha);
      if (!bytes) return NOT_FOUND;
      const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
      return { status: 200, body: { sha, node_id: Buffer.from(`blob:${sha}`).toString('base64'), size: bytes.length, url: `${api}/git/blobs/${sha}`, content, encoding: 'base64' } };
    },
    ofRepo,
  );
}

function listTree(tree: Tree, blobs: Map<string, Buffer>): ListedEntry[] {
  const directories = new Set<string>();
  const entries: ListedEntry[] = [];
  for (const path of Object.keys(tree).sort()) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) directories.add(path.slice(0, slash));
    const entry = tree[path];
    if (entry !== undefined) entries.push(listEntry(path, entry, blobs));
  }
  for (const dir of directories) entries.push({ path: dir, mode: '040000', type: 'tree', sha: createHash('sha1').update(`tree ${dir}`).digest('hex') });
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

function listEntry(path: string, entry: TreeEntry, blobs: Map<string, Buffer>): ListedEntry {
  if (typeof entry === 'object' && !Buffer.isBuffer(entry) && 'submodule' in entry) {
    return { path, mode: '160000', type: 'commit', sha: createHash('sha1').update(`commit ${path}`).digest('hex') };
  }
  const symlink = typeof entry === 'object' && !Buffer.isBuffer(entry) && 'symlink' in entry;
  const bytes = symlink ? Buffer.from(entry.symlink) : Buffer.from(entry);
  const sha = gitBlobSha(bytes);
  blobs.set(sha, bytes);
  return { path, mode: symlink ? '120000' : '100644', type: 'blob', sha, size: bytes.length };
}
