// GET /repos/{owner}/{repo}/contents/{path}?ref=... for files of one ref (or
// any ref when `ref` is omitted), 404 for everything else, as GitHub answers.
import type { FakeGitHub } from '../fake-github.js';

export interface ContentsOptions {
  owner: string;
  repo: string;
  /** Only requests for this ref are answered with the files. */
  ref?: string;
  files: Record<string, string>;
}

export function fakeRepositoryContents(github: FakeGitHub, options: ContentsOptions): void {
  github.on(
    'GET /repos/{owner}/{repo}/contents/{path}',
    (request) => {
      const path = request.params['path'] ?? '';
      const text = options.files[path];
      const refMatches = options.ref === undefined || request.query['ref'] === options.ref;
      if (text === undefined || !refMatches) {
        return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' } };
      }
      const content = Buffer.from(text);
      const body = github.example('content-file');
      Object.assign(body, {
        type: 'file',
        encoding: 'base64',
        size: content.length,
        name: path.slice(path.lastIndexOf('/') + 1),
        path,
        content: content.toString('base64'),
      });
      return { status: 200, body };
    },
    { optional: true, match: (r) => r.params['owner'] === options.owner && r.params['repo'] === options.repo },
  );
}
