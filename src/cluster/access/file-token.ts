// A bearer token kept in a file (tokenFile, the service account's projected
// token): re-read once a minute, as client-go does, because it rotates.
import { readFileSync } from 'node:fs';
import { ClusterError } from '../cluster-error.js';
import { errorText } from '../error-text.js';

export const TOKEN_FILE_REFRESH_MS = 60_000;

export interface FileTokenDeps {
  readFile?: (file: string) => string;
  now?: () => number;
}

export function fileToken(file: string, what: string, deps: FileTokenDeps = {}): () => string {
  const read = deps.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
  const now = deps.now ?? Date.now;
  let token = '';
  let readAt = -Infinity;
  return () => {
    if (now() - readAt < TOKEN_FILE_REFRESH_MS) return token;
    try {
      token = read(file).trim();
    } catch (cause) {
      throw new ClusterError(`${what}: token file ${file} cannot be read: ${errorText(cause)}`, { cause });
    }
    readAt = now();
    return token;
  };
}
