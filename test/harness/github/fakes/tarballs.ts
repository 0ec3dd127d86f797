// GET /repos/{owner}/{repo}/tarball/{ref}: like GitHub, a 302 to a one-time
// codeload URL, which serves the gzipped tarball.
import { randomBytes } from 'node:crypto';
import type { FakeGitHub } from '../fake-github.js';

export interface TarballsOptions {
  owner: string;
  repo: string;
  /** Gzipped tarballs by ref. */
  tarballs: Map<string, Buffer>;
  /** Where downloads redirect to (GitHub: https://codeload.github.com). */
  codeloadOrigin?: string;
}

export function fakeTarballs(github: FakeGitHub, options: TarballsOptions): void {
  const codeload = options.codeloadOrigin ?? 'https://codeload.github.com';
  github.on(
    'GET /repos/{owner}/{repo}/tarball/{ref}',
    (request) => {
      const ref = request.params['ref'] ?? '';
      const tarball = options.tarballs.get(ref);
      if (!tarball) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      const location = `${codeload}/${options.owner}/${options.repo}/legacy.tar.gz/${ref}?token=${randomBytes(8).toString('hex')}`;
      github.download(location, () => ({
        status: 200,
        body: tarball,
        headers: {
          'content-type': 'application/x-gzip',
          'content-disposition': `attachment; filename=${options.owner}-${options.repo}-${ref.slice(0, 7)}.tar.gz`,
        },
      }));
      return { status: 302, headers: { location } };
    },
    { optional: true, match: (r) => r.params['owner'] === options.owner && r.params['repo'] === options.repo },
  );
}
